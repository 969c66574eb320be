/** `chuanyu scenarios`: list the shipped scenarios with their titles. */
import type { CommandModule } from 'yargs';
import { listScenarios, loadScenario } from '../../scenario/load.js';

export const scenariosCommand: CommandModule = {
  command: 'scenarios',
  describe: 'List the available scenarios',
  handler: async () => {
    for (const name of await listScenarios()) {
      const loaded = await loadScenario(name);
      process.stdout.write(`${name.padEnd(24)} ${loaded.scenario.title}\n`);
    }
  },
};

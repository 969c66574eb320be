/** `chuanyu game <scenario>`: yargs wiring only; the work is in actions/game-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addRunOptions, addWorkersOption, chartOptions, type ChartArgs, type RunArgs } from '../options.js';

type GameArgs = RunArgs & ChartArgs & { scenario: string; strategies?: string; sweep: string[]; start?: string; lens?: string; workers: number };

export const gameCommand: CommandModule<object, GameArgs> = {
  command: 'game <scenario>',
  describe: 'Run every profile of government strategies and analyse the emergent game (equilibria, type, replicator dynamics)',
  builder: (yargs: Argv) =>
    addChartOptions(addWorkersOption(addForceOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file (it should have a fund for cooperation to mean more than specialising)' }))), 'Game:'))
      .option('strategies', { type: 'string', describe: 'Strategies each government may play, e.g. cooperate,compete (default: invest,compete,cooperate)', group: 'Game:' })
      .option('sweep', { type: 'string', array: true, default: [], describe: 'One or two parameters, path=values, for a phase diagram of game types', group: 'Game:' })
      .option('start', { type: 'string', describe: 'Start of the replicator path: shares cooperating, x,y (default: five starts)', group: 'Game:' })
      .option('lens', {
        type: 'string',
        choices: ['objective', 'welfare', 'gdp', 'fiscal'],
        describe: "Lens of the main analysis (replicator paths, phase diagram, terminal matrix): each government's objective (default), welfare, gdp or fiscal; the report shows every lens",
        group: 'Game:',
      })
      .example('$0 game cooperate -r 10', 'The 3x3 game between the two governments')
      .example('$0 game cooperate --strategies cooperate,compete --lens welfare -r 8', 'The game as the residents would score it')
      .example('$0 game cooperate --strategies cooperate,compete --sweep fund.leverage=0:2:0.5 -r 8', 'How fund leverage changes the game') as unknown as Argv<GameArgs>,
  handler: async (args) => {
    const { gameAction } = await import('../actions/game-action.js'); // loaded when used, so other commands start fast
    await gameAction({ ...args, charts: chartOptions(args) });
  },
};

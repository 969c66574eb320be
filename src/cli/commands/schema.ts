/** `chuanyu schema`: print or write the JSON Schema of scenario files. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import { PACKAGE_ROOT } from '../package-info.js';

export const schemaCommand: CommandModule<object, { write: boolean }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (--write: update scenarios/schema.json)',
  builder: (yargs) => yargs.option('write', { type: 'boolean', default: false, describe: 'Write scenarios/schema.json in the package' }),
  handler: async (args) => {
    const text = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
    if (args.write) {
      const file = join(PACKAGE_ROOT, 'scenarios', 'schema.json');
      await writeFile(file, text);
      process.stdout.write(`Wrote ${file}\n`);
    } else process.stdout.write(text);
  },
};

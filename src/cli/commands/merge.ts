/** `chuanyu merge <dirs...> --out DIR`: combine the shards of one sweep. */
import type { Argv, CommandModule } from 'yargs';
import { addParquetOption } from '../options.js';

type MergeArgs = { dirs: string[]; out: string; quiet: boolean; parquet: boolean };

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge the shard folders of one sweep into the table an unsharded run gives',
  builder: (yargs: Argv) =>
    addParquetOption(yargs, 'Options:')
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Shard folders' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Folder for the merged sweep' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false })
      .example('$0 merge results/cooperate/sweep-*-shard* --out results/cooperate/sweep-all', 'Merge every shard')
      .example('$0 merge out/shard-* --out out/all --parquet', 'Merge and write the tables as Parquet too') as unknown as Argv<MergeArgs>,
  handler: async (args) => {
    const { mergeAction } = await import('../actions/sweep-action.js'); // loaded when used, so other commands start fast
    await mergeAction(args);
  },
};

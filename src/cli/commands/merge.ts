/** `chuanyu merge <dirs...> --out DIR`: combine the shards of one sweep. */
import type { Argv, CommandModule } from 'yargs';

export const mergeCommand: CommandModule<object, { dirs: string[]; out: string; quiet: boolean }> = {
  command: 'merge <dirs..>',
  describe: 'Merge the shard folders of one sweep into the table an unsharded run gives',
  builder: (yargs: Argv) =>
    yargs
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Shard folders' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Folder for the merged sweep' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false })
      .example('$0 merge results/cooperate/sweep-*-shard* --out results/cooperate/sweep-all', 'Merge every shard') as unknown as Argv<{ dirs: string[]; out: string; quiet: boolean }>,
  handler: async (args) => {
    const { mergeAction } = await import('../actions/sweep-action.js'); // loaded when used, so other commands start fast
    await mergeAction(args);
  },
};

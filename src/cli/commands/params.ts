/** `chuanyu params [scenario] [terms...]`: yargs wiring only; the work is in actions/params-action.ts. */
import type { Argv, CommandModule } from 'yargs';

interface ParamsArgs {
  words: string[];
  json: boolean;
}

export const paramsCommand: CommandModule<object, ParamsArgs> = {
  command: 'params [words..]',
  describe: 'List the sweepable parameters of a scenario (type, unit, default, range, description), those matching every term',
  builder: (yargs: Argv) =>
    yargs
      .positional('words', { type: 'string', array: true, default: [], describe: 'A scenario name or file first (default baseline), then search terms matched in path or description' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for machines' })
      .example('$0 params', 'Every parameter of the baseline')
      .example('$0 params cooperate fund', 'The parameters of the cooperate scenario about the fund')
      .example('$0 params electronics demand --json', 'Matching parameters of the baseline as JSON') as Argv<ParamsArgs>,
  handler: async (args) => {
    const { paramsAction } = await import('../actions/params-action.js'); // loaded when used, so other commands start fast
    await paramsAction({ words: args.words.map(String), json: args.json });
  },
};

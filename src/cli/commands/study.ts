/** `chuanyu study <file>`: yargs wiring only; the work is in actions/study-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addRunOptions, addWorkersOption, chartOptions, type ChartArgs, type RunArgs } from '../options.js';

type StudyArgs = RunArgs & ChartArgs & { file: string; scale?: string; validation?: string; force: boolean; workers: number };

export const studyCommand: CommandModule<object, StudyArgs> = {
  command: 'study <file>',
  describe: 'Run a study file (scenarios/studies/*.yaml): the game at every cell of its grid, its answers in plain words, a phase diagram per lever and lens',
  builder: (yargs: Argv) =>
    addChartOptions(addWorkersOption(addForceOption(addRunOptions(yargs.positional('file', { type: 'string', demandOption: true, describe: 'Study file, e.g. scenarios/studies/which-game.yaml' }))), 'Study:'))
      .option('scale', { type: 'string', requiresArg: true, describe: 'A smaller scale the study file defines (e.g. tiny: a small world and grid, seconds); default full', group: 'Study:' })
      .option('validation', { type: 'string', requiresArg: true, describe: 'Add the full study\'s answers to this validation report (docs/VALIDATION.md, written by npm run validate), replacing the study\'s earlier block', group: 'Study:' })
      .example('$0 study scenarios/studies/which-game.yaml', 'The full study (see the file for how long it takes)')
      .example('$0 study scenarios/studies/which-game.yaml --validation docs/VALIDATION.md', 'The full study, its answers added to the validation report')
      .example('$0 study scenarios/studies/which-game.yaml --scale tiny -o /tmp/which-game', 'A smoke test in seconds') as unknown as Argv<StudyArgs>,
  handler: async (args) => {
    const { studyAction } = await import('../actions/study-action.js');
    await studyAction({ ...args, file: args.file, charts: chartOptions(args) });
  },
};

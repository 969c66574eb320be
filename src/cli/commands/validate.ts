/** `chuanyu validate`: pattern validation of the paper's and the design's claims. */
import type { Argv, CommandModule } from 'yargs';
import { VALIDATION_SECTIONS, type ValidationSection } from '../validation-sections.js';
import { addWorkersOption, numericOption, REPLICATIONS_FLAG, SEED_FLAG } from '../options.js';

type ValidateArgs = { replications: number; seed: number; write?: string; readme?: string; skip?: string[]; robustnessScale?: string; workers: number; quiet: boolean };

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate',
  describe: 'Check every qualitative claim of the paper and the model design against the model, with replications',
  builder: (yargs: Argv) =>
    addWorkersOption(yargs)
      .option('replications', numericOption('--replications', REPLICATIONS_FLAG, { alias: 'r', default: 16, describe: 'Replications per world' }))
      .option('seed', numericOption('--seed', SEED_FLAG, { default: 1, describe: 'Random seed' }))
      .option('write', { type: 'string', describe: 'Write the markdown report to this file (npm run validate: docs/VALIDATION.md)' })
      .option('readme', { type: 'string', describe: 'Also write the short answers into this file\'s <!-- validate:in-brief:start/end --> block (npm run validate: README.md)' })
      .option('skip', {
        type: 'string',
        array: true,
        choices: VALIDATION_SECTIONS as unknown as string[],
        // "--skip a,b" as well as "--skip a b".
        coerce: (values: string[]) => values.flatMap((v) => v.split(',')).filter(Boolean),
        describe: 'Leave these sections out, for a quicker look (npm run validate runs them all)',
      })
      .option('robustness-scale', { type: 'string', describe: 'A named scale of scenarios/studies/robustness.yaml (e.g. tiny) for a quick robustness check' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false }) as unknown as Argv<ValidateArgs>,
  handler: async (args) => {
    const { validateAction } = await import('../actions/validate-action.js'); // loaded when used, so other commands start fast
    await validateAction({ ...args, skip: args.skip as ValidationSection[] | undefined, robustness: { scale: args.robustnessScale } });
  },
};

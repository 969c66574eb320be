/**
 * Flags that override a scenario setting obey the limits the scenario file has:
 * each value is checked by the same schema field, and a refusal names the flag.
 */
import type { z } from 'zod';
import { ScenarioSchema } from '../scenario/schema.js';
import { UserError } from '../scenario/errors.js';
import type { RunArgs } from './options.js';

function check(flag: string, value: number | undefined, field: z.ZodType): void {
  if (value === undefined) return;
  const result = field.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0] as { code: string; maximum?: number | bigint; minimum?: number | bigint; message: string };
  const rule = issue.code === 'too_big' ? `at most ${issue.maximum}` : issue.code === 'too_small' ? `at least ${issue.minimum}` : issue.message.toLowerCase();
  throw new UserError(`${flag} must be ${rule}, as in a scenario file; got ${value}`);
}

export function checkRunFlags(args: RunArgs): void {
  check('--seed', args.seed, ScenarioSchema.shape.seed);
  check('--replications', args.replications, ScenarioSchema.shape.replications);
}

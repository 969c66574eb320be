/** Turns a schema or normalize failure caused by sweep values into a user error naming the values. */
import type { z } from 'zod';
import { UserError } from '../scenario/errors.js';
import type { ParameterValue } from './parameters.js';

export function validationErrorFromZod(error: z.ZodError, values: Record<string, ParameterValue>): UserError {
  const issues = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const setting = Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ');
  return new UserError(`the sweep value${Object.keys(values).length === 1 ? '' : 's'} ${setting} make an invalid scenario: ${issues}`);
}

/** Turns a schema or normalize failure caused by experiment values into a user error naming the values. */
import { UserError } from '../scenario/errors.js';
import type { ParameterValue } from './parameters.js';

/** Values (of a sweep point, a calibration candidate...) that make an invalid scenario. */
export class InvalidValuesError extends UserError {
  constructor(
    /** The scenario's problems, one `path: message` each. */
    readonly issues: string,
    /** The values as `path=value, ...`. */
    readonly setting: string,
    count: number,
  ) {
    super(`the sweep value${count === 1 ? '' : 's'} ${setting} make an invalid scenario: ${issues}`);
  }
}

export function invalidValuesError(issues: readonly { path: readonly PropertyKey[]; message: string }[], values: Record<string, ParameterValue>): InvalidValuesError {
  const text = issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
  const setting = Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ');
  return new InvalidValuesError(text, setting, Object.keys(values).length);
}

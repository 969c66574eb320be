/** Statistics of a quantity across replications, as result files hold them. */
import { z } from 'zod';
import { jsonNumber } from './file-format.js';

export const statsSchema = z.object({
  mean: jsonNumber,
  /** 5th and 95th percentiles: the 90% interval across replications. */
  p05: jsonNumber,
  p95: jsonNumber,
  min: jsonNumber,
  max: jsonNumber,
  /** Standard error of the mean (0 for one replication). */
  se: jsonNumber,
  n: z.number().int().nonnegative(),
});
export type Stats = z.output<typeof statsSchema>;

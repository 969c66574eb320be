/** The statistics of a summary cell (point-format.ts), apart from the schemas so code that only computes cells does not load zod. */
export const STATISTICS = ['final', 'over_run'] as const;
export type Statistic = (typeof STATISTICS)[number];

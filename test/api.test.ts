/** The package's public API, as the README shows it, from the built entry point. */
import { describe, expect, it } from 'vitest';

describe('public API (dist/index.js)', () => {
  it('loads, runs, summarizes and yields tidy rows as in the README', async () => {
    const api = await import(new URL('../dist/index.js', import.meta.url).href);
    const { config } = await api.loadScenario('cooperate');
    const run = api.runScenario({ ...config, steps: 5 }, { seed: 1, replications: 2 });
    const summary = api.summarizeRun(run);
    const similarity = summary.metrics.pairs['sichuan~chongqing'].similarity.final;
    expect(similarity.n).toBe(2);
    expect(similarity.p05).toBeLessThanOrEqual(similarity.mean);
    expect(similarity.mean).toBeLessThanOrEqual(similarity.p95);
    expect(['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'unchanged']).toContain(summary.outcome.outcome);
    const rows = [...api.metricRows(config, run.replications)].filter((r: unknown[]) => r[4] === 'similarity' && r[3] === 'zone');
    expect(rows).toHaveLength(2 * 5);
    expect(rows[0].slice(0, 4)).toEqual([0, 0, 2020, 'zone']);
  });
});

/** Every shipped scenario validates and runs, and says what it is. */
import { describe, expect, it } from 'vitest';
import { listScenarios, loadScenario } from '../../src/scenario/load.js';
import { runReplication } from '../../src/model/run.js';

describe('shipped scenarios', async () => {
  const names = await listScenarios();

  it('include the documented set', () => {
    for (const name of ['baseline', 'compete', 'cooperate', 'exploited', 'tit-for-tat', 'three-regions', 'division-of-labour', 'historical']) expect(names).toContain(name);
  });

  for (const name of names) {
    it(`${name} validates, has a title and description, and runs`, async () => {
      const loaded = await loadScenario(name);
      expect(loaded.scenario.name).toBe(name);
      expect(loaded.scenario.title.length).toBeGreaterThan(10);
      expect(loaded.scenario.description.length).toBeGreaterThan(40);
      const result = runReplication(loaded.config, { seed: 1, replication: 0, keepLog: false });
      expect(result.records).toHaveLength(loaded.config.steps);
      expect(Number.isFinite(result.records.at(-1)!.zone.similarity)).toBe(true);
    });
  }

  it('historical starts near the paper\'s 1978 similarity (0.83) and carries the Table 2 agreements', async () => {
    const loaded = await loadScenario('historical');
    expect(loaded.config.startYear).toBe(1978);
    expect(loaded.config.startYear + loaded.config.steps - 1).toBe(2015);
    const first = [0, 1, 2].map((r) => runReplication(loaded.config, { seed: 1, replication: r, keepLog: false }).records[0].zone.similarity);
    for (const s of first) expect(Math.abs(s - 0.83)).toBeLessThan(0.03);
    const agreements = loaded.config.events.filter((e) => e.kind === 'agreement').map((e) => loaded.config.startYear + e.step);
    expect(agreements).toEqual([2002, 2004, 2007, 2008, 2015]);
  });
});

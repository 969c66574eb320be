/**
 * The step loop's shortcuts must not change results: fund selection ranks only
 * as many firms as it reads and passes walk runs of one cell. Each is checked
 * against the plain definition here; golden.test.ts checks whole runs bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDescendingScratch, visitDescending } from '../../src/model/descending-scores.js';
import { createCellRuns, indexCellRuns } from '../../src/model/cell-runs.js';
import { createFirmArrays, appendFirm } from '../../src/model/firms.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';

/** Scores with many ties, clusters, a wide range and extremes (infinities, denormals). */
const scores = fc.array(
  fc.oneof(
    fc.integer({ min: -5, max: 5 }).map((x) => x / 4),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    fc.double({ min: 0.5, max: 0.5000001, noNaN: true }),
    fc.double({ noNaN: true }),
  ),
  { maxLength: 3000 },
);

describe('visitDescending', () => {
  it('visits in the order of a full sort (score descending, ties by position), as far as asked', () => {
    const scratch = createDescendingScratch(); // reused across runs, as the fund does
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 3500 }), (values, limit) => {
        const score = Float64Array.from(values);
        const expected = values.map((_, c) => c).sort((a, b) => score[b] - score[a] || a - b).slice(0, limit);
        const seen: number[] = [];
        const stopped = visitDescending(score, values.length, scratch, (c) => {
          seen.push(c);
          return seen.length < limit;
        });
        expect(seen).toEqual(expected);
        expect(stopped).toBe(limit <= values.length);
        for (const c of seen) expect(scratch.lowestGathered).toBeLessThanOrEqual(score[c]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('cell runs', () => {
  it('cover every firm once, each run a single cell, and adjacent runs differ', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 4 })), { maxLength: 400 }), (cells) => {
        const firms = createFirmArrays(cells.length, 1);
        for (const [r, k] of cells) appendFirm(firms, r, k, 1, 1, 0.5);
        const runs = createCellRuns();
        indexCellRuns(firms, 5, runs);
        let covered = 0;
        for (let q = 0; q < runs.count; q++) {
          expect(runs.start[q]).toBe(covered);
          for (let i = runs.start[q]; i < runs.start[q + 1]; i++) expect(cells[i][0] * 5 + cells[i][1]).toBe(runs.cell[q]);
          if (q > 0) expect(runs.cell[q]).not.toBe(runs.cell[q - 1]);
          covered = runs.start[q + 1];
        }
        expect(covered).toBe(cells.length);
      }),
    );
  });
});

describe('cell runs kept by the step', () => {
  it('equal a fresh index after every step (investment pass, entry and relocation keep them)', async () => {
    for (const name of ['exploited', 'three-regions']) {
      const loaded = await loadScenario(name);
      const scenario = structuredClone(loaded.scenario) as any;
      scenario.initial.firms = 800;
      scenario.time.steps = 12;
      const config = normalizeScenario(ScenarioSchema.parse(scenario));
      const sim = createSimulation(config, { seed: 5, replication: 0, keepLog: false });
      const scratch = createStepScratch(sim);
      const fresh = createCellRuns();
      for (let t = 0; t < config.steps; t++) {
        stepSimulation(sim, scratch);
        indexCellRuns(sim.firms, sim.sectorCount, fresh);
        const kept = sim.runs;
        expect(kept.count).toBe(fresh.count);
        expect(Array.from(kept.start.subarray(0, kept.count + 1))).toEqual(Array.from(fresh.start.subarray(0, fresh.count + 1)));
        expect(Array.from(kept.cell.subarray(0, kept.count))).toEqual(Array.from(fresh.cell.subarray(0, fresh.count)));
      }
    }
  });
});

describe('fund selection threshold', () => {
  it('decides only how much is ranked, never which firms are backed', async () => {
    // Exploited: a fund, relocation offers and entry, so thresholds move a lot.
    const loaded = await loadScenario('exploited');
    const scenario = structuredClone(loaded.scenario) as any;
    scenario.initial.firms = 1500;
    scenario.time.steps = 15;
    const config = normalizeScenario(ScenarioSchema.parse(scenario));
    const run = (threshold: (step: number) => number | null) => {
      const sim = createSimulation(config, { seed: 3, replication: 0, keepLog: false });
      const scratch = createStepScratch(sim);
      const records: string[] = [];
      for (let t = 0; t < config.steps; t++) {
        const forced = threshold(t);
        if (forced !== null) for (const s of sim.scratch.fundSelections) s.threshold = forced;
        records.push(JSON.stringify(stepSimulation(sim, scratch)));
      }
      return records;
    };
    const adaptive = run(() => null);
    expect(run(() => Number.NEGATIVE_INFINITY)).toEqual(adaptive); // rank every candidate
    expect(run(() => Number.POSITIVE_INFINITY)).toEqual(adaptive); // first group empty, all in the second
    expect(run((t) => [0.05, 0.3, -0.2, 1][t % 4])).toEqual(adaptive); // arbitrary splits
  });
});

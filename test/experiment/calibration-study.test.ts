/**
 * The honest calibration end to end on a tiny world (400 firms, 12 years):
 * the objective never reads a held-out year, a tied timeline parameter is
 * written whole into calibrated.yaml, and a calibration study (full, forward,
 * reverse) reports counts, hold-out errors over seed sets and skill against
 * the naive forecasts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrateAction } from '../../src/cli/actions/calibrate-action.js';
import { calibrationStudyAction } from '../../src/cli/actions/calibration-study-action.js';
import { executeCalibration, planCalibration } from '../../src/experiment/calibration/calibrate.js';
import { calibrationStudy } from '../../src/experiment/calibration/study.js';
import type { CalibrationSummary } from '../../src/experiment/calibration/summary.js';
import { calibrationStudyMarkdown } from '../../src/report/validation/calibration-study-md.js';
import { loadScenario } from '../../src/scenario/load.js';

const SMALL = fileURLToPath(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'chuanyu-calibration-study-'));

const timeline = (a: number, b: number) => `{ strategy: { rule: fixed, strategy: invest, timeline: [{ year: ${a}, strategy: compete }, { year: ${b}, strategy: cooperate }] } }`;
const calibrate = (points: [number, number][]) => `governments:
  sichuan: ${timeline(2023, 2027)}
  chongqing: ${timeline(2023, 2027)}
target:
  metric: similarity
  source: made up
  points:
${points.map(([y, v]) => `    - { year: ${y}, value: ${v} }`).join('\n')}
calibrate:
  parameters:
    governments.*.strategy.timeline.0.year: [2021, 2025]
    governments.*.strategy.timeline.1.year: [2026, 2030]
    agglomeration.localization: [0.02, 0.25]
  replications: 1
  iterations: 4
  fitYears: [2020, 2025]
  holdoutYears: [2027, 2031]
  matchedByConstruction: [2020]
  choices:
    - { name: strategy order, count: 3, why: read off the target }
    - { name: initial shares, count: 0, why: matched by construction (2020 excluded) }
`;
const POINTS: [number, number][] = [[2020, 0.58], [2022, 0.56], [2024, 0.54], [2025, 0.53], [2027, 0.5], [2029, 0.48], [2031, 0.46]];

function scenarioFile(name: string, points = POINTS): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(file, `extends: ${JSON.stringify(SMALL)}\nname: ${name}\n${calibrate(points)}`);
  return file;
}

describe('honest calibration on a tiny world', () => {
  it('never reads a held-out year: absurd held-out values leave the fit unchanged', async () => {
    const absurd = POINTS.map(([y, v]): [number, number] => [y, y >= 2027 ? 99 : v]);
    const fit = async (file: string) => {
      const plan = planCalibration(await loadScenario(file), { validationReplications: 1 });
      return { plan, result: await executeCalibration(plan, { workers: 1 }) };
    };
    const a = await fit(scenarioFile('plain'));
    const b = await fit(scenarioFile('absurd', absurd));
    expect(a.plan.fit.map((p) => p.year)).toEqual([2022, 2024, 2025]);
    expect(a.plan.holdout.map((p) => p.year)).toEqual([2027, 2029, 2031]);
    expect(a.plan.matched.map((p) => p.year)).toEqual([2020]);
    expect(b.result.fitted).toEqual(a.result.fitted);
    expect(b.result.history).toEqual(a.result.history);
    expect(b.result.errors.inSample).toBe(a.result.errors.inSample);
    // The held-out values are read, but only to score.
    expect(b.result.errors.holdout!.freshSeeds).toBeGreaterThan(90);
  });

  it('writes a tied timeline year into every government\'s whole timeline, and reports the split and counts', async () => {
    const file = scenarioFile('tied');
    const out = join(root, 'out-tied');
    const { summary } = await calibrateAction({ scenario: file, out, quiet: true, workers: 1, seedSets: 2, validationReplications: 2, formats: ['vl'], log: () => {} });
    const s = summary as CalibrationSummary;
    expect(s.command).toBe(`chuanyu calibrate ${file} --fit-years 2020-2025 --holdout-years 2027-2031 --iterations 4 --replications 1 --seed 1 --validation-replications 2 --seed-sets 2`);
    expect(s.target.points.map((p) => p.role)).toEqual(['matched', 'fit', 'fit', 'fit', 'holdout', 'holdout', 'holdout']);
    expect(s.assessment).toMatchObject({ n: 3, kFitted: 3, kHand: 3, k: 6, matchedYears: [2020] });
    expect(s.assessment.criteria.aicc).toBeNull();
    expect(s.assessment.seedSets.map((x) => x.seed)).toEqual([1001, 2001]);
    expect(s.assessment.holdout!.naive.map((n) => n.name)).toEqual(['persistence', 'trend', 'mean']);
    expect(s.assessment.holdout!.naive[0].forecasts).toEqual([2027, 2029, 2031].map((year) => ({ year, value: 0.53 })));
    expect(s.assessment.singleRuns.holdout!.count).toBe(4);
    const fitted = Object.fromEntries(s.parameters.map((p) => [p.path, p.fitted]));
    const text = readFileSync(join(out, 'calibrated.yaml'), 'utf8');
    expect(text).toContain('# Matched by construction (set by a hand choice; in no error): 2020.');
    expect(text).toMatch(/# Choices: k = 6 \(3 fitted \+ 3 by hand: strategy order 3; initial shares 0\); n = 3 fitted points\./);
    expect(text).toContain('governments.sichuan.strategy.timeline, governments.chongqing.strategy.timeline are repeated from the parent');
    const loaded = await loadScenario(join(out, 'calibrated.yaml'));
    for (const gov of ['sichuan', 'chongqing']) {
      const strategy = loaded.scenario.governments[gov].strategy as { timeline: { year: number; strategy: string }[] };
      expect(strategy.timeline).toEqual([
        { year: fitted['governments.*.strategy.timeline.0.year'], strategy: 'compete' },
        { year: fitted['governments.*.strategy.timeline.1.year'], strategy: 'cooperate' },
      ]);
    }
  });

  it('runs a study in three directions and renders its tables and verdicts', async () => {
    const study = await calibrationStudy(await loadScenario(scenarioFile('study')), { iterations: 2, replications: 1, validationReplications: 2, seedSets: 2, workers: 1 });
    expect(study.directions.map((d) => d.direction.name)).toEqual(['full', 'forward', 'reverse']);
    const [full, forward, reverse] = study.directions;
    expect(full.assessment.fitYears).toEqual([2022, 2024, 2025, 2027, 2029, 2031]);
    expect(full.assessment.holdout).toBeNull();
    expect(forward.assessment.holdout!.years).toEqual([2027, 2029, 2031]);
    expect(reverse.assessment.fitYears).toEqual([2027, 2029, 2031]);
    expect(reverse.assessment.holdout!.years).toEqual([2022, 2024, 2025]);
    // Backcast persistence is the first fitted value.
    expect(reverse.assessment.holdout!.naive[0].forecasts!.every((f) => f.value === 0.5)).toBe(true);
    expect(forward.assessment.holdout!.model!.count).toBe(2);
    const md = calibrationStudyMarkdown(study);
    expect(md.filter((l) => l.startsWith('| full') || l.startsWith('| forward') || l.startsWith('| reverse'))).toHaveLength(3);
    expect(md.some((l) => /^- forward: the model (beats|does not beat) persistence on held-out 2027-2031/.test(l))).toBe(true);
    expect(md.some((l) => /^- reverse: the model (beats|does not beat) mean on held-out 2022-2025/.test(l))).toBe(true);
    expect(md.join('\n')).toContain('Matched by construction, in no error: 2020.');
  });

  it('writes its folder (study.json, study.md, manifest with provenance) atomically, and replaces it only with --force', async () => {
    const out = join(root, 'study-folder');
    const options = { scenario: scenarioFile('study-out'), iterations: 2, replications: 1, validationReplications: 2, seedSets: 2, workers: 1, out, quiet: true, log: () => {} };
    expect((await calibrationStudyAction(options)).complete).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('chuanyu-calibration-study');
    expect(manifest.provenance.design).toMatchObject({ sampler: 'cma-es', seed: 1, replications: 1 });
    expect(readFileSync(join(out, 'study.md'), 'utf8')).toContain('| full');
    await expect(calibrationStudyAction(options)).rejects.toThrow(/add --force/);
    writeFileSync(join(out, 'mine.md'), 'mine\n');
    await expect(calibrationStudyAction({ ...options, force: true })).rejects.toThrow(/files chuanyu did not write \(mine\.md\)/);
    expect(readFileSync(join(out, 'mine.md'), 'utf8')).toBe('mine\n');
  });
});

/** The robustness of the validation claims: the designs, the analysis on a claim whose truth region is known, the ranges file's checks, and a tiny real run. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeClaim, robustnessDesign, type PointOutcome, type RangeParameter } from '../../src/experiment/robustness-analysis.js';
import { checkRobustnessPlan, DEFAULT_ROBUSTNESS_FILE, readRobustnessFile } from '../../src/experiment/robustness-file.js';
import { measureRobustness, reusesShipped, type RobustnessResult } from '../../src/experiment/robustness.js';
import { runClaimWorlds } from '../../src/experiment/claim-worlds.js';
import { loadClaimScenarios } from '../../src/experiment/validation-scenarios.js';
import { boundMargin, CLAIMS } from '../../src/experiment/validation-claims.js';
import { robustnessMarkdown } from '../../src/report/validation/robustness-md.js';
import { UserError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';

const X: RangeParameter[] = [
  { path: 'x1', label: 'x1', range: [0, 1] },
  { path: 'x2', label: 'x2', range: [-5, 5] },
];

describe('robustness designs', () => {
  it('the Latin hypercube puts one point in each of N equal strata of every range', () => {
    const params: RangeParameter[] = [...X, { path: 'x3', label: 'x3', range: [0.02, 0.25] }];
    const n = 17;
    const { lhs } = robustnessDesign(params, { points: n, trajectories: 2, levels: 4, seed: 3 });
    expect(lhs).toHaveLength(n);
    for (const p of params) {
      const bins = lhs.map((v) => Math.floor(((v[p.path] - p.range[0]) / (p.range[1] - p.range[0])) * n)).sort((a, b) => a - b);
      expect(bins).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('the Morris points are trajectories of k + 1 points inside the ranges, and the design is seeded', () => {
    const a = robustnessDesign(X, { points: 4, trajectories: 3, levels: 4, seed: 1 });
    expect(a.morrisPoints).toHaveLength(3 * (X.length + 1));
    for (const v of a.morrisPoints) for (const p of X) expect(v[p.path] >= p.range[0] && v[p.path] <= p.range[1]).toBe(true);
    expect(robustnessDesign(X, { points: 4, trajectories: 3, levels: 4, seed: 1 })).toEqual(a);
    expect(robustnessDesign(X, { points: 4, trajectories: 3, levels: 4, seed: 2 }).lhs).not.toEqual(a.lhs);
  });
});

describe('robustness analysis', () => {
  it('on a claim that holds iff x1 < 0.3 (x2 irrelevant) finds the share 0.3 and ranks x1 first', () => {
    const design = robustnessDesign(X, { points: 200, trajectories: 20, levels: 4, seed: 7 });
    const claim = (v: Record<string, number>): PointOutcome => ({ holds: v.x1 < 0.3, statistic: 20 * (0.3 - v.x1), evidence: `x1 = ${v.x1}` });
    const r = analyzeClaim('synthetic', X, design, design.lhs.map(claim), design.morrisPoints.map(claim), 1);
    expect(r.share.share).toBeCloseTo(0.3, 2);
    expect(r.share.low).toBeLessThan(0.3);
    expect(r.share.high).toBeGreaterThan(0.3);
    expect(r.screening.map((s) => s.path)).toEqual(['x1', 'x2']);
    expect(r.screening[0].muStar.value).toBeGreaterThan(1);
    expect(r.screening[1].muStar.value).toBe(0);
    // The claim holds in the lower half of x1's range (60 of 100 points there), never in the upper.
    expect(r.screening[0].lowerHalf.share).toBeCloseTo(0.6, 2);
    expect(r.screening[0].upperHalf.share).toBe(0);
    expect(r.worst?.values.x1).toBeGreaterThan(0.99);
  });

  it('a bound\'s margin is in standard errors, signed by the stated direction', () => {
    expect(boundMargin([1, 2, 3], 1, 'above')).toBeCloseTo(1 / Math.sqrt(1 / 3), 12);
    expect(boundMargin([1, 2, 3], 1, 'below')).toBeCloseTo(-Math.sqrt(3), 12);
    expect(boundMargin([2, 2], 1, 'above')).toBe(Infinity);
    expect(boundMargin([2, 2], 2, 'below')).toBe(0);
  });
});

const PARAMS = `
parameters:
  - { path: agglomeration.localization, range: [0.02, 0.25], why: "calibration bounds" }
  - { path: friction.border, label: border, range: [0.1, 0.5], why: "provincial border effects" }
`;
const HEAD = `name: t
title: test
replications: 3
lhs: { points: 2 }
morris: { trajectories: 1 }
scales:
  tiny: { set: { initial.firms: 200, time.steps: 16 }, replications: 3 }
`;

function writeFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chuanyu-robustness-')), 'ranges.yaml');
  writeFileSync(file, text);
  return file;
}

async function worlds() {
  return Object.fromEntries(await Promise.all(['baseline', 'compete', 'cooperate', 'exploited'].map(async (n) => [n, (await loadScenario(n)).scenario] as const)));
}

function errorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('the ranges file', () => {
  it('the shipped file is valid: at least 8 parameters, each with a range and why, around the shipped values', async () => {
    const plan = readRobustnessFile(DEFAULT_ROBUSTNESS_FILE);
    expect(plan.parameters.length).toBeGreaterThanOrEqual(8);
    for (const path of ['agglomeration.localization', 'agglomeration.congestion', 'policy.comparativeTilt', 'policy.poachShare', 'friction.border', 'fund.leverage', 'demand.volatility', 'metrics.discountRate'])
      expect(plan.parameters.map((p) => p.path)).toContain(path);
    checkRobustnessPlan(plan, await worlds());
    expect(readRobustnessFile(DEFAULT_ROBUSTNESS_FILE, { scale: 'tiny' }).replications).toBeLessThan(plan.replications);
  });

  it('names the file and the field of a bad range, a missing reason, a typo, a value the schema refuses, a shipped value outside', async () => {
    const w = await worlds();
    let file = writeFile(HEAD + PARAMS.replace('[0.1, 0.5]', '[0.5, 0.1]'));
    let e = errorOf(() => readRobustnessFile(file));
    expect(e.file).toBe(file);
    expect(e.fieldPath).toBe('parameters.1.range');
    expect(e.location?.line).toBe(11);
    expect(e.message).toMatch(/low < high/);

    file = writeFile(HEAD + PARAMS.replace(', why: "calibration bounds"', ''));
    e = errorOf(() => readRobustnessFile(file));
    expect(e.fieldPath).toBe('parameters.0.why');

    file = writeFile(HEAD + PARAMS.replace('agglomeration.localization', 'agglomeration.localisation'));
    e = errorOf(() => checkRobustnessPlan(readRobustnessFile(file), w));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/parameters\.0\.path: "agglomeration\.localisation" is not a scenario parameter \(did you mean "agglomeration\.localization"\?\)/);

    file = writeFile(HEAD + PARAMS.replace('[0.1, 0.5]', '[0.1, 1.5]'));
    e = errorOf(() => checkRobustnessPlan(readRobustnessFile(file), w));
    expect(e.fieldPath).toBe('parameters.1.range');
    expect(e.message).toMatch(/1\.5 makes an invalid baseline scenario/);

    file = writeFile(HEAD + PARAMS.replace('[0.1, 0.5]', '[0.4, 0.5]'));
    e = errorOf(() => checkRobustnessPlan(readRobustnessFile(file), w));
    expect(e.fieldPath).toBe('parameters.1.range');
    expect(e.message).toMatch(/value 0\.3 lies outside the range \[0\.4, 0\.5\]/);

    file = writeFile(HEAD + PARAMS.replace('friction.border', 'agglomeration.localization'));
    expect(errorOf(() => readRobustnessFile(file)).message).toMatch(/parameters\.1\.path: agglomeration\.localization is listed twice/);
    expect(errorOf(() => readRobustnessFile(writeFile(HEAD + PARAMS), { scale: 'huge' })).message).toMatch(/has no such scale; it has: full, tiny/);
  });
});

describe('a tiny real run', () => {
  const file = writeFile(HEAD + PARAMS);
  const points = 1 + 2 + (2 + 1);
  /** The tiny run made from scratch (every point, the shipped one included), once for the tests below. */
  let fresh: Promise<{ result: RobustnessResult; progress: number }> | null = null;
  const freshRun = () =>
    (fresh ??= (async () => {
      let progress = 0;
      const result = await measureRobustness({ file, scale: 'tiny', workers: 1, onProgress: () => progress++ });
      return { result, progress };
    })());

  it('runs every world at the shipped point, 2 hypercube points and a Morris trajectory, and reports every claim', async () => {
    const { result, progress } = await freshRun();
    expect(result.reusedShipped).toBe(false);
    expect(progress).toBe(points * result.worlds.length);
    expect(result.runs).toBe(points * 3 * (result.worlds.length + 3));
    expect(result.shippedValues).toEqual({ 'agglomeration.localization': 0.08, 'friction.border': 0.3 });
    expect(result.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
    for (const c of result.claims) {
      expect(c.robustness.share.count).toBeLessThanOrEqual(2);
      expect(c.robustness.screening.map((s) => s.path).sort()).toEqual(['agglomeration.localization', 'friction.border']);
      // The margin is on the side of zero that the verdict says.
      expect(c.shipped.holds ? c.shipped.statistic >= 0 : c.shipped.statistic <= 0).toBe(true);
    }
    const md = robustnessMarkdown(result).join('\n');
    expect(md).toMatch(/at its `tiny` scale \(a smoke test/);
    expect(md).toMatch(/\| border \| `friction\.border` \| 0\.3 \| \[0\.1, 0\.5\] \| provincial border effects \|/);
    const rows = md.split('\n').filter((l) => /^\| .* \| (yes|\*\*no\*\*) \(margin /.test(l));
    expect(rows).toHaveLength(CLAIMS.length);
    for (const row of rows) expect(row).toMatch(/\| \d\.\d\d \[\d\.\d\d, \d\.\d\d\] \(\d of 2\) \|/);
  }, 120_000);

  it('reuses the claims section\'s runs for the shipped point: the same claims, figures, run count and report text as running it again', async () => {
    const plan = readRobustnessFile(file, { scale: 'tiny' });
    // As chuanyu validate's claims section runs them (every world with its counterfactual), at the tiny scale's values.
    const shipped = await runClaimWorlds(await loadClaimScenarios(), { seed: plan.seed, replications: plan.replications, set: plan.set, workers: 1 });
    let progress = 0;
    const reused = await measureRobustness({ file, scale: 'tiny', workers: 1, shipped, onProgress: () => progress++ });
    const { result } = await freshRun();
    expect(reused.reusedShipped).toBe(true);
    expect(progress).toBe((points - 1) * reused.worlds.length);
    expect(reused.claims.map((c) => c.shipped)).toEqual(result.claims.map((c) => c.shipped));
    expect(reused.claims).toEqual(result.claims);
    expect(reused.runs).toBe(result.runs);
    expect(robustnessMarkdown(reused)).toEqual(robustnessMarkdown(result));
    // Results made otherwise are not the shipped point's, and are run again.
    const worldNames = reused.worlds;
    expect(reusesShipped(plan, worldNames, shipped)).toBe(true);
    expect(reusesShipped(plan, worldNames, { ...shipped, seed: plan.seed + 1 })).toBe(false);
    expect(reusesShipped(plan, worldNames, { ...shipped, replications: plan.replications + 1 })).toBe(false);
    expect(reusesShipped(plan, worldNames, { ...shipped, set: {} })).toBe(false);
    expect(reusesShipped(plan, worldNames, { ...shipped, set: { ...plan.set, 'time.steps': 15 } })).toBe(false);
    const { baseline: _baseline, ...withoutBaseline } = shipped.results;
    expect(reusesShipped(plan, worldNames, { ...shipped, results: withoutBaseline })).toBe(false);
  }, 120_000);
});

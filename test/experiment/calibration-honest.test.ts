/**
 * The honest-calibration pieces, without running the model: penalised errors
 * and naive forecasts against hand-computed values, the split of target points
 * into fitted, held-out, unused and matched-by-construction, year ranges, and
 * tied (`*`) parameters with their timeline-order check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { informationCriteria, naiveForecasts, rmseAgainst, skillScore, spreadOf } from '../../src/experiment/calibration/fit-statistics.js';
import { calibrationParameters, expandPath, valuesOf } from '../../src/experiment/calibration/parameters.js';
import { parseYearRange, splitTarget } from '../../src/experiment/calibration/target.js';
import { loadScenario } from '../../src/scenario/load.js';
import { UserError } from '../../src/scenario/errors.js';

const SMALL = fileURLToPath(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url));
const TIMELINE = `governments:
  sichuan: { strategy: { rule: fixed, strategy: invest, timeline: [{ year: 2023, strategy: compete }, { year: 2027, strategy: cooperate }] } }
  chongqing: { strategy: { rule: fixed, strategy: invest, timeline: [{ year: 2023, strategy: compete }, { year: 2027, strategy: cooperate }] } }
`;

async function timelineScenario(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'chuanyu-honest-'));
  const file = join(dir, 'timeline.yaml');
  writeFileSync(file, `extends: ${JSON.stringify(SMALL)}\nname: timeline\n${TIMELINE}`);
  return (await loadScenario(file)).scenario as unknown as Record<string, unknown>;
}

const pts = (pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('penalised errors', () => {
  it('computes AIC, AICc and BIC by hand (K = k + 1)', () => {
    const c = informationCriteria(0.004, 9, 3);
    const base = 9 * Math.log(0.004 / 9);
    expect(c.K).toBe(4);
    expect(c.aic).toBeCloseTo(base + 8, 12);
    expect(c.aicc).toBeCloseTo(base + 8 + (2 * 4 * 5) / (9 - 4 - 1), 12);
    expect(c.bic).toBeCloseTo(base + 4 * Math.log(9), 12);
    expect(c.aiccNote).toBeNull();
  });

  it('leaves AICc undefined when n <= K + 1, and says so', () => {
    const c = informationCriteria(0.004, 5, 3);
    expect(c.aicc).toBeNull();
    expect(c.aiccNote).toMatch(/n = 5 points is not more than K \+ 1 = 5/);
    expect(Number.isFinite(c.bic)).toBe(true);
  });
});

describe('naive forecasts and skill', () => {
  const fit = pts([[1993, 0.76], [1996, 0.75], [1999, 0.69], [2002, 0.65]]);
  const held = pts([[2005, 0.68], [2008, 0.7]]);
  const f = naiveForecasts(fit);

  it('persistence carries the last fitted value forward, the first one backward', () => {
    expect(f.persistence!(2008)).toBe(0.65);
    expect(f.persistence!(1980)).toBe(0.76);
    expect(rmseAgainst(held, f.persistence!)).toBeCloseTo(Math.sqrt((0.03 ** 2 + 0.05 ** 2) / 2), 12);
  });

  it('the trend is the least-squares line through the fitted points', () => {
    // Slope: sum((y - 1997.5)(v - 0.7125)) / sum((y - 1997.5)^2) = -0.585 / 45 = -0.013.
    expect(f.trend!(2005)).toBeCloseTo(0.7125 - 0.013 * 7.5, 12);
    expect(f.trend!(1997.5)).toBeCloseTo(0.7125, 12);
    expect(naiveForecasts(pts([[2000, 0.5]])).trend).toBeNull();
  });

  it('the mean is the fitted points\' mean', () => {
    expect(f.mean!(2030)).toBeCloseTo(0.7125, 12);
  });

  it('skill is 1 - RMSE_model / RMSE_naive, undefined against an exact forecast', () => {
    expect(skillScore(0.02, 0.04)).toBeCloseTo(0.5, 12);
    expect(skillScore(0.06, 0.04)).toBeCloseTo(-0.5, 12);
    expect(skillScore(0.02, 0)).toBeNull();
    expect(spreadOf([0.3, null, 0.1, 0.2])).toEqual({ median: 0.2, min: 0.1, max: 0.3, count: 3 });
    expect(spreadOf([null])).toBeNull();
  });
});

describe('splitting the target points', () => {
  const points = pts([[1978, 0.83], [1993, 0.76], [1996, 0.75], [2002, 0.65], [2005, 0.68], [2015, 0.65]]);
  const years = (list: { year: number }[]) => list.map((p) => p.year);

  it('fits and holds out year ranges, leaving matched points out of both and others unused', () => {
    const s = splitTarget(points, { kind: 'years', fitYears: [1978, 1996], holdoutYears: [2005, 2015] }, [1978]);
    expect(years(s.fit)).toEqual([1993, 1996]);
    expect(years(s.holdout)).toEqual([2005, 2015]);
    expect(years(s.unused)).toEqual([2002]);
    expect(years(s.matched)).toEqual([1978]);
  });

  it('fits every point not held out when only the hold-out years are given', () => {
    const s = splitTarget(points, { kind: 'years', holdoutYears: [1990, 2002] }, [1978]);
    expect(years(s.fit)).toEqual([2005, 2015]);
    expect(years(s.holdout)).toEqual([1993, 1996, 2002]);
    expect(s.unused).toEqual([]);
  });

  it('holds out the last N points after the matched ones are removed', () => {
    const s = splitTarget(points, { kind: 'last', holdout: 2 }, [1978]);
    expect(years(s.fit)).toEqual([1993, 1996, 2002]);
    expect(years(s.holdout)).toEqual([2005, 2015]);
    expect(() => splitTarget(points, { kind: 'last', holdout: 5 }, [1978])).toThrow(/cannot hold out 5 of 5 target points \(after leaving out the 1 matched by construction\)/);
  });

  it('refuses overlapping ranges, an empty fit and a matched year that is not a target year', () => {
    expect(() => splitTarget(points, { kind: 'years', fitYears: [1978, 2005], holdoutYears: [2005, 2015] })).toThrow(/overlap/);
    expect(() => splitTarget(points, { kind: 'years', fitYears: [1979, 1990] })).toThrow(/no target point to fit in 1979-1990/);
    expect(() => splitTarget(points, { kind: 'last', holdout: 0 }, [1977])).toThrow(/names 1977, which is not a target year/);
  });

  it('parses year ranges from the command line', () => {
    expect(parseYearRange('1978-2002', '--fit-years')).toEqual([1978, 2002]);
    expect(parseYearRange('2005:2015', '--fit-years')).toEqual([2005, 2015]);
    expect(parseYearRange('2010', '--fit-years')).toEqual([2010, 2010]);
    expect(() => parseYearRange('2002-1978', '--fit-years')).toThrow(/must not come after/);
    expect(() => parseYearRange('late 90s', '--holdout-years')).toThrow(UserError);
  });
});

describe('tied parameters', () => {
  it('expands * over every key of a record and every item of a list', async () => {
    const s = await timelineScenario();
    expect(expandPath('governments.*.strategy.timeline.0.year', s)).toEqual(['governments.sichuan.strategy.timeline.0.year', 'governments.chongqing.strategy.timeline.0.year']);
    expect(expandPath('sectors.*.demandGrowth', s)).toHaveLength((s.sectors as unknown[]).length);
    expect(expandPath('sectors.electronics.demandGrowth', s)).toEqual([`sectors.${(s.sectors as { id: string }[]).findIndex((x) => x.id === 'electronics')}.demandGrowth`]);
    expect(() => expandPath('policy.hotSectors.*', s)).toThrow(/neither/);
  });

  it('is one parameter, counted once, that sets every matching path to one whole year', async () => {
    const s = await timelineScenario();
    const params = calibrationParameters(s, { 'governments.*.strategy.timeline.0.year': [2021, 2025], 'governments.*.strategy.timeline.1.year': [2026, 2030] }, 't.yaml');
    expect(params).toHaveLength(2);
    expect(params[0].integer).toBe(true);
    expect(params[0].start).toBe(2023);
    const values = valuesOf(params, [2024.4, 2028.6]);
    expect(values).toEqual({
      'governments.sichuan.strategy.timeline.0.year': 2024,
      'governments.chongqing.strategy.timeline.0.year': 2024,
      'governments.sichuan.strategy.timeline.1.year': 2029,
      'governments.chongqing.strategy.timeline.1.year': 2029,
    });
  });

  it('refuses bounds that could reorder a timeline, and a path set twice', async () => {
    const s = await timelineScenario();
    expect(() => calibrationParameters(s, { 'governments.*.strategy.timeline.0.year': [2021, 2026], 'governments.*.strategy.timeline.1.year': [2026, 2030] }, 't.yaml')).toThrow(
      /the bounds let the years of governments\.sichuan\.strategy\.timeline overlap or change order/,
    );
    // A fixed later entry counts too.
    expect(() => calibrationParameters(s, { 'governments.*.strategy.timeline.0.year': [2021, 2028] }, 't.yaml')).toThrow(/timeline\.1\.year = 2027 \(not fitted\)/);
    expect(() => calibrationParameters(s, { 'governments.*.strategy.timeline.0.year': [2021, 2025], 'governments.chongqing.strategy.timeline.0.year': [2021, 2025] }, 't.yaml')).toThrow(
      /governments\.chongqing\.strategy\.timeline\.0\.year is set by both/,
    );
  });
});

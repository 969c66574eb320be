/** The declarative chart lists of the experiment reports (common/chart-list.ts and each kind's charts.ts). */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { drawnCharts, type ChartEntry } from '../../src/report/common/chart-list.js';
import { COMPARE_CHARTS } from '../../src/report/compare/charts.js';
import { GAME_CHARTS } from '../../src/report/game/charts.js';
import { SENSITIVITY_CHARTS } from '../../src/report/sensitivity/charts.js';
import { CALIBRATION_CHARTS } from '../../src/report/calibration/charts.js';
import { HISTORY_CHARTS } from '../../src/report/history/charts.js';
import { DISCOVER_CHARTS } from '../../src/report/discover/charts.js';

const spec = (title: string) => ({ title, mark: 'point' }) as unknown as TopLevelSpec;

describe('drawnCharts', () => {
  it('keeps list order, leaves out entries whose build gives null, and reads texts from the data', () => {
    const entries: ChartEntry<{ n: number }>[] = [
      { name: 'a', heading: 'A', caption: (d) => `n = ${d.n}`, build: () => spec('a'), skipped: 'never' },
      { name: 'b', heading: 'B', caption: 'b', build: () => null, skipped: 'always' },
      { name: (d) => `c-${d.n}`, heading: (d) => `C ${d.n}`, caption: 'c', build: () => spec('c'), skipped: 'never' },
    ];
    const charts = drawnCharts(entries, { n: 3 });
    expect(charts.map((c) => [c.name, c.heading, c.caption])).toEqual([
      ['a', 'A', 'n = 3'],
      ['c-3', 'C 3', 'c'],
    ]);
    expect(charts[1].spec).toEqual(spec('c'));
  });

  it('names an entry only once its chart is built, so a name taken in drawing order skips the charts left out', () => {
    const taken: string[] = [];
    const entry = (drawn: boolean): ChartEntry<null> => ({ name: () => (taken.push('x'), `x${taken.length}`), heading: 'h', caption: 'c', build: () => (drawn ? spec('x') : null), skipped: 's' });
    expect(drawnCharts([entry(false), entry(true), entry(true)], null).map((c) => c.name)).toEqual(['x1', 'x2']);
  });
});

describe.each([
  ['compare', COMPARE_CHARTS],
  ['game', GAME_CHARTS],
  ['sensitivity', SENSITIVITY_CHARTS],
  ['calibration', CALIBRATION_CHARTS],
  ['history', HISTORY_CHARTS],
  ['discover', DISCOVER_CHARTS],
] as [string, readonly ChartEntry<never>[]][])('the %s chart list', (_, entries) => {
  it('has a unique file name, a heading and a skip reason for every entry', () => {
    const fixed = entries.map((e) => e.name).filter((n): n is string => typeof n === 'string');
    expect(new Set(fixed).size).toBe(fixed.length);
    for (const e of entries) {
      if (typeof e.name === 'string') expect(e.name).toMatch(/^[a-z0-9-]+$/);
      expect(e.heading).toBeTruthy();
      expect(e.skipped.length).toBeGreaterThan(10);
    }
  });
});

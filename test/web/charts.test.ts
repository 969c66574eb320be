/**
 * The explorer's chart specs read well whatever the run gives: a flat series
 * or a run equal to its counterfactual gets a widened axis with labels of
 * sensible precision (never "0.0000000010"), year axes carry a handful of
 * ticks, and long titles wrap instead of running past the chart.
 */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { playPathChart, strategyChart, titleLines, valueAxis, winWinChart, yearTicks } from '../../src/web/charts.js';

/** The tick labels of every axis of a spec, rendered headless (vega, no browser). */
async function axisLabels(spec: object): Promise<string[]> {
  const view = new View(parse(compile(spec as never).spec), { renderer: 'none' });
  (view as unknown as { width: (w: number) => void }).width(400);
  const svg = await view.toSVG();
  view.finalize();
  return [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/gs)].flatMap((m) => [...m[1].matchAll(/>([^<]*)<\/text>/g)].map((t) => t[1]));
}

const regions = [{ name: 'Sichuan' }, { name: 'Chongqing' }];

describe('value axes', () => {
  it('widens a flat range to the minimum span and picks digits from it', () => {
    expect(valueAxis([0.6, 0.6, 0.6], { minSpan: 0.02 })).toEqual({ scale: { domain: [0.59, 0.61], zero: false, nice: true }, axis: { format: ',.3f', tickCount: 5 } });
    expect(valueAxis([0, 0], { minSpan: 0.05, zero: true, percent: true }).scale.domain).toEqual([0, 0.05]);
    expect(valueAxis([0.2, 0.35], { minSpan: 0.05, zero: true, percent: true }).axis.format).toBe('.0%');
    expect(valueAxis([120, 1650], { minSpan: 1, zero: true }).axis.format).toBe(',.0f');
  });

  it('never labels a quadrant chart of no change with rounding noise', async () => {
    const labels = await axisLabels(winWinChart(regions, [{ label: 'r1', x: 0, y: 0, outcome: 'unchanged' }, { label: 'r2', x: 1e-12, y: -1e-12, outcome: 'unchanged' }]));
    expect(labels.length).toBeGreaterThan(4);
    for (const l of labels) expect(l).toMatch(/^[−-]?\d(\.\d)?$/);
  });

  it('labels large changes in whole numbers, a handful of ticks per axis', async () => {
    const labels = await axisLabels(playPathChart(regions, Array.from({ length: 35 }, (_, i) => ({ year: 2020 + i, x: 75 * i, y: -60 * i, outcome: 'positive-sum-loser' }))));
    expect(labels.length).toBeLessThanOrEqual(20);
    for (const l of labels) expect(l).toMatch(/^[−-]?[\d,]+$/);
  });
});

describe('year axes', () => {
  it('ticks every year for short runs and every 5 or 10 years for long ones', () => {
    expect(yearTicks(2020, 2026)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(yearTicks(2020, 2055)).toEqual([2020, 2025, 2030, 2035, 2040, 2045, 2050, 2055]);
    expect(yearTicks(1978, 2016)).toEqual([1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015]);
    expect(yearTicks(1900, 2000)).toEqual([1900, 1920, 1940, 1960, 1980, 2000]);
  });

  it('gives a 35-year strategy chart eight year labels, not one per year', async () => {
    const cells = Array.from({ length: 35 }, (_, i) => ({ row: 'Sichuan', year: 2020 + i, strategy: i % 2 ? 'compete' : 'cooperate' }));
    const labels = await axisLabels(strategyChart(cells, ['Sichuan']));
    expect(labels.filter((l) => /^\d{4}$/.test(l))).toEqual(['2020', '2025', '2030', '2035', '2040', '2045', '2050', '2055']);
  });
});

describe('titles', () => {
  it('wrap between words at 40 characters', () => {
    expect(titleLines('Value added by region')).toBe('Value added by region');
    expect(titleLines('Strategies over time (every replication), all regions')).toEqual(['Strategies over time (every', 'replication), all regions']);
  });
});

/**
 * The "Over time" overlays of a comparison report, from hand-made data: the
 * chart list holds one overlay per trajectory metric after the other charts,
 * colours and dashes follow the scenario's position (the colour-blind-safe
 * scenario palette), and event rules are drawn only when every scenario has
 * the same events.
 */
import { describe, expect, it } from 'vitest';
import { COMPARE_CHARTS, compareCharts } from '../../src/report/compare/charts.js';
import { OVER_TIME_CHARTS, commonEvents, eventLabelsFit, isOverTimeChart, overTimeChart, overTimeName } from '../../src/report/compare/over-time.js';
import { TRAJECTORY_SERIES } from '../../src/experiment/trajectories.js';
import { SCENARIO_COLOURS } from '../../src/report/common/palette.js';
import type { ComparisonData, ScenarioTrajectoryRow } from '../../src/report/compare/read.js';
import { validate, ajv, compileWithWarnings } from './vega-helpers.js';

const REGIONS = [
  { id: 'sichuan', name: 'Sichuan' },
  { id: 'chongqing', name: 'Chongqing' },
];

function data(trajectories: ScenarioTrajectoryRow[] | null, events: unknown[][] = [[], []]): ComparisonData {
  const scenarios = ['a', 'b'].map((name, index) => ({ name, title: '', description: '', illustrative: '', regions: REGIONS, index, label: name }));
  return {
    dir: '/tmp/x',
    scenarios,
    reference: scenarios[0],
    regions: REGIONS,
    seed: 1,
    replications: 3,
    manifest: { resolvedScenarios: events.map((e, i) => ({ name: scenarios[i].name, regions: REGIONS, events: e })) },
    differences: [],
    outcomes: [[], []],
    values: new Map(),
    verdicts: null,
    trajectories,
  };
}

const row = (index: number, metric: string, region: string, year: number, mean: number): ScenarioTrajectoryRow => ({ index, scenario: ['a', 'b'][index], metric, region, year, mean, low: mean - 1, high: mean + 1, n: 3 });

const ROWS: ScenarioTrajectoryRow[] = [0, 1].flatMap((s) =>
  [2020, 2021, 2022].flatMap((year) => [
    row(s, 'similarity', 'zone', year, 0.5 + s * 0.1),
    row(s, 'value_added', 'sichuan', year, 100 + s),
    row(s, 'value_added', 'chongqing', year, 80 + s),
    row(s, 'value_added', 'zone', year, 180 + 2 * s),
  ]),
);

describe('the overlays over time in the comparison chart list', () => {
  it('are one entry per trajectory metric, after the other charts, each with a heading, a caption and why it may be left out', () => {
    const names = COMPARE_CHARTS.map((c) => (typeof c.name === 'string' ? c.name : ''));
    const overTime = names.filter(isOverTimeChart);
    expect(overTime).toEqual(TRAJECTORY_SERIES.map(overTimeName));
    expect(names.slice(-overTime.length)).toEqual(overTime);
    expect(OVER_TIME_CHARTS.every((c) => c.skipped.includes('trajectories.csv'))).toBe(true);
  });

  it('draw the metrics the folder has trajectories of, and none from a folder without trajectories', () => {
    expect(compareCharts(data(ROWS)).map((c) => c.name).filter(isOverTimeChart)).toEqual(['over-time-similarity', 'over-time-value-added']);
    expect(compareCharts(data(null)).map((c) => c.name).filter(isOverTimeChart)).toEqual([]);
  });

  it('give each scenario its colour and dash by position, validate against the schema and compile without warnings', () => {
    for (const s of TRAJECTORY_SERIES.filter((x) => x.metric === 'similarity' || x.metric === 'value_added')) {
      const spec = overTimeChart(data(ROWS), s)!;
      expect(validate(spec), ajv.errorsText(validate.errors)).toBe(true);
      expect(compileWithWarnings(spec)).toEqual([]);
      const text = JSON.stringify(spec);
      expect(text).toContain(JSON.stringify({ domain: ['a', 'b'], range: SCENARIO_COLOURS.slice(0, 2) }));
    }
    const panels = (overTimeChart(data(ROWS), TRAJECTORY_SERIES.find((x) => x.metric === 'value_added')!) as unknown as { concat: { title: { text: string } }[] }).concat;
    expect(panels.map((p) => p.title.text)).toEqual(['Sichuan', 'Chongqing', 'Zone']);
  });

  it('draw events only when every scenario has the same ones', () => {
    const agreement = { year: 2021, type: 'agreement', label: 'Pact' };
    expect(commonEvents(data(ROWS, [[agreement], [agreement]]), [2020, 2022])).toEqual([{ year: 2021, kind: 'agreement', label: 'Pact' }]);
    expect(commonEvents(data(ROWS, [[agreement], []]), [2020, 2022])).toEqual([]);
    expect(commonEvents(data(ROWS, [[agreement], [{ ...agreement, year: 2022 }]]), [2020, 2022])).toEqual([]);
    const sim = TRAJECTORY_SERIES.find((x) => x.metric === 'similarity')!;
    expect(JSON.stringify(overTimeChart(data(ROWS, [[agreement], [agreement]]), sim))).toContain('"event":"Pact"');
    expect(JSON.stringify(overTimeChart(data(ROWS, [[agreement], []]), sim))).not.toContain('Pact');
  });

  it('write event labels only where they fit beside their rules, and otherwise name the events in the subtitle', () => {
    const events = [2000, 2001, 2010].map((year) => ({ year, kind: 'policy', label: `E${year}` }));
    expect(eventLabelsFit(events, 560, [1980, 2015])).toBe(true); // 16 px a year
    expect(eventLabelsFit(events, 205, [1980, 2015])).toBe(false); // 6 px a year: 2000 and 2001 would overlap
    const crowded = [2000, 2001].map((year) => ({ year, type: 'policy', label: `E${year}` }));
    const long = [0, 1].flatMap((s) => [1980, 2000, 2015].map((year) => row(s, 'value_added', 'sichuan', year, 100 + s)));
    const spec = overTimeChart(data(long, [crowded, crowded]), TRAJECTORY_SERIES.find((x) => x.metric === 'value_added')!) as unknown as { title: { subtitle: string[] }; concat: { layer: { mark: { type: string } }[] }[] };
    expect(spec.concat[0].layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'rule']); // no text marks
    expect(spec.title.subtitle.join(' ')).toContain('(2000: E2000; 2001: E2001)');
  });
});

/**
 * Win-win quadrant: one point per replication at (change of region A's
 * cumulative value added, change of region B's), both against the
 * counterfactual with the same seed (summary.json outcome.replications), with
 * the zero-sum diagonal x + y = 0, the axes through zero and quadrant labels.
 * With more than two regions the chart shows the first two.
 */
import type { TopLevelSpec } from 'vega-lite';
import { GAME_OUTCOMES } from '../../../model/metrics/win-win.js';
import { NEUTRAL, OUTCOME_COLOURS, OUTCOME_SHAPES, outcomeLabel } from '../../common/palette.js';

import type { ResultsData } from '../read.js';
import { metricUnit, round, topLevel, type Spec } from '../../common/chart-spec.js';



/** Null when the run has no counterfactual (no outcome) or fewer than two regions. */
export function winWinChart(data: ResultsData): TopLevelSpec | null {
  const outcome = data.summary.outcome;
  const regions = data.scenario.regions;
  if (!outcome || regions.length < 2 || outcome.replications.length === 0) return null;
  const [a, b] = regions;
  const points = outcome.replications
    .map((r) => ({ replication: r.replication, x: r.change[a.id], y: r.change[b.id], zone: r.zoneChange, outcome: outcomeLabel(r.outcome) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const band = toleranceBand(data);
  const reach = Math.max(1e-9, band ?? 0, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const m = niceExtent(reach * 1.25);
  const unit = metricUnit('cumulative_value_added', 'region');
  const xTitle = `${a.name}: change in cumulative value added (${unit})`;
  const yTitle = `${b.name}: change in cumulative value added (${unit})`;
  const scale = { domain: [-m, m], nice: false, zero: true };
  const x = { field: 'x', type: 'quantitative', title: xTitle, scale, axis: { grid: true, tickCount: 6 } };
  const y = { field: 'y', type: 'quantitative', title: yTitle, scale, axis: { grid: true, tickCount: 6 } };
  const used = GAME_OUTCOMES.filter((o) => outcome.replications.some((r) => r.outcome === o));
  // Quadrant labels keep clear of the diagonal, which runs through the top-left and bottom-right corners.
  const edge = 0.96 * m;
  const near = 0.04 * m;
  const quadrants = [
    { x: edge, y: edge, align: 'right', baseline: 'top', text: 'Win-win:\nboth gain' },
    { x: near, y: -edge, align: 'left', baseline: 'bottom', text: `${a.name} gains,\n${b.name} loses` },
    { x: -near, y: edge, align: 'right', baseline: 'top', text: `${b.name} gains,\n${a.name} loses` },
    { x: -edge, y: -edge, align: 'left', baseline: 'bottom', text: 'Both lose' },
  ];
  const grey = { color: '#d9d9d9', opacity: 0.55 };
  const bandLayers: Spec[] =
    band === null
      ? []
      : [
          // Changes within the tolerance count as none: strips along both axes ...
          { data: { values: [{ x: -band, x2: band, y: -m, y2: m }] }, mark: { type: 'rect', ...grey }, encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' } } },
          { data: { values: [{ x: -m, x2: m, y: -band, y2: band }] }, mark: { type: 'rect', ...grey }, encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' } } },
          // ... and a zone change within it is zero-sum: a strip along the diagonal.
          {
            data: { values: [{ x: -m, y: m - band, y2: m + band }, { x: m, y: -m - band, y2: -m + band }] },
            mark: { type: 'area', clip: true, ...grey },
            encoding: { x, y, y2: { field: 'y2' } },
          },
        ];
  const layers: Spec[] = [
    ...bandLayers,
    // The zero-sum diagonal, labelled where it leaves the plot at the top left.
    {
      data: { values: [{ x: -m, y: m, x2: m, y2: -m }] },
      mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [7, 4], strokeWidth: 1.5 },
      encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
    },
    {
      data: { values: [{ x: -0.47 * m, y: 0.53 * m, text: 'zero-sum: x + y = 0 (above: the zone gains)' }] },
      mark: { type: 'text', angle: 45, align: 'center', baseline: 'bottom', fontSize: 10.5, color: NEUTRAL.reference },
      encoding: { x, y, text: { field: 'text', type: 'nominal' } },
    },
    // Axes through zero.
    { data: { values: [{ x: 0 }] }, mark: { type: 'rule', color: '#555555', strokeWidth: 1.2 }, encoding: { x } },
    { data: { values: [{ y: 0 }] }, mark: { type: 'rule', color: '#555555', strokeWidth: 1.2 }, encoding: { y } },
    ...quadrants.map((q, i) => ({
      data: { values: [{ x: q.x, y: q.y, text: q.text }] },
      mark: { type: 'text', align: q.align, baseline: q.baseline, lineBreak: '\n', fontSize: 11.5, fontWeight: 'bold', color: i === 0 ? '#1f6f4a' : NEUTRAL.mutedText },
      encoding: { x, y, text: { field: 'text', type: 'nominal' } },
    })),
    {
      data: { values: points.map((p) => ({ replication: p.replication, x: round(p.x), y: round(p.y), zone: round(p.zone), outcome: p.outcome })) },
      mark: { type: 'point', filled: true, size: 130, opacity: 0.9, stroke: 'white', strokeWidth: 0.8 },
      encoding: {
        x,
        y,
        color: { field: 'outcome', type: 'nominal', title: 'Outcome', scale: { domain: used.map(outcomeLabel), range: used.map((o) => OUTCOME_COLOURS[o]) } },
        shape: { field: 'outcome', type: 'nominal', title: 'Outcome', scale: { domain: used.map(outcomeLabel), range: used.map((o) => OUTCOME_SHAPES[o]) } },
        tooltip: [
          { field: 'replication', type: 'quantitative', title: 'Replication' },
          { field: 'x', type: 'quantitative', title: `${a.name} change (bn yuan)`, format: ',.1f' },
          { field: 'y', type: 'quantitative', title: `${b.name} change (bn yuan)`, format: ',.1f' },
          { field: 'zone', type: 'quantitative', title: 'Zone change (bn yuan)', format: ',.1f' },
          { field: 'outcome', type: 'nominal', title: 'Outcome' },
        ],
      },
    },
  ];
  const shares = used.map((o) => `${outcomeLabel(o)} ${Math.round(outcome.shares[o] * outcome.replications.length)}/${outcome.replications.length}`).join(', ');
  const subtitle = [
    `One point per replication: change of each region's cumulative value added against its counterfactual (same seed, every government invests, no fund).`,
    `Points above the dashed diagonal mean the zone as a whole gains. Outcomes: ${shares}.`,
    band !== null
      ? `Grey: changes within ±${formatAmount(band)} ${unit} (${(outcome.tolerance * 100).toFixed(1)}% of the zone's counterfactual cumulative value added) count as none, so points in the grey diagonal strip are zero-sum.`
      : '',
    regions.length > 2 ? `The scenario has ${regions.length} regions; this chart shows the first two (${a.name} and ${b.name}).` : '',
  ].filter(Boolean).join(' ');
  return topLevel(`Win-win or zero-sum? ${a.name} against ${b.name}`, subtitle, {
    width: 440,
    height: 440,
    layer: layers,
  });
}

/**
 * Half-width of the "no change" band: the tolerance times the zone's
 * counterfactual cumulative value added in the final year (mean across
 * replications); null without counterfactual tables.
 */
export function toleranceBand(data: ResultsData): number | null {
  const outcome = data.summary.outcome;
  if (!outcome || !data.counterfactual) return null;
  const rows = data.counterfactual.metrics.filter((r) => r.metric === 'cumulative_value_added' && r.region !== 'zone' && !r.region.includes('~'));
  if (rows.length === 0) return null;
  const lastYear = Math.max(...rows.map((r) => r.year));
  const byReplication = new Map<number, number>();
  for (const r of rows) if (r.year === lastYear && Number.isFinite(r.value)) byReplication.set(r.replication, (byReplication.get(r.replication) ?? 0) + r.value);
  if (byReplication.size === 0) return null;
  const zone = [...byReplication.values()].reduce((a, b) => a + b, 0) / byReplication.size;
  const band = Math.abs(zone) * outcome.tolerance;
  return band > 0 ? band : null;
}

const formatAmount = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));

/** A round number at least `x` (1, 2, 2.5, 5 x 10^k). */
function niceExtent(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

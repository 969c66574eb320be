/**
 * A finished sweep folder read back for the charts: plan.json (parameters,
 * design, the resolved base scenario) and summary.json (per point: parameter
 * values, statistics of every summary cell across replications, outcome
 * shares). The CSV tables are not needed.
 */
import { resolve } from 'node:path';
import type { Stats } from '../../experiment/statistics.js';
import type { ParameterValue } from '../../experiment/parameters.js';
import { SWEEP_PLAN, SWEEP_SUMMARY, type PointSummary, type SweepPlan } from '../../results/sweep-format.js';
import { readJsonFile } from '../../results/json-file.js';
import { GAME_OUTCOMES, type GameOutcome } from '../../model/metrics/win-win.js';
import { UserError } from '../../scenario/errors.js';
import { type HeadlineMetric } from '../common/headline-metrics.js';
import { scenarioText, type ScenarioText } from '../common/scenario-text.js';

export interface SweepParameter {
  path: string;
  /** Column position in the plan. */
  index: number;
  /** Any value that is not a number (a strategy, a flag) makes the parameter categorical. */
  categorical: boolean;
  /** Sampled from an interval (Latin hypercube), so values do not repeat. */
  continuous: boolean;
  /** Distinct values in the points: ascending numbers, or categories in the plan's order. */
  levels: ParameterValue[];
  interval: [number, number] | null;
}

export interface SweepData {
  dir: string;
  plan: SweepPlan;
  scenario: ScenarioText;
  parameters: SweepParameter[];
  design: 'grid' | 'lhs' | string;
  replications: number;
  points: PointSummary[];
}

/** A parameter value as text (axis labels, tables). */
export function levelText(value: ParameterValue): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value);
}

export async function readSweep(dir: string): Promise<SweepData> {
  const abs = resolve(dir);
  const what = 'a finished sweep folder';
  const plan = await readJsonFile(abs, SWEEP_PLAN.file, SWEEP_PLAN.format, what);
  const summary = await readJsonFile(abs, 'summary.json', SWEEP_SUMMARY, what);
  if (summary.points.length === 0) throw new UserError(`the sweep in ${abs} has no finished points`);
  const points = summary.points.slice().sort((a, b) => a.point - b.point);
  const parameters = plan.parameters.map((spec, index): SweepParameter => {
    const seen: ParameterValue[] = [];
    const add = (v: ParameterValue | undefined) => {
      if (v !== undefined && !seen.some((s) => s === v)) seen.push(v);
    };
    for (const v of spec.values) if (plan.design !== 'lhs' || !spec.interval) add(v);
    for (const p of points) add(p.values[spec.path]);
    const categorical = seen.some((v) => typeof v !== 'number');
    const used = seen.filter((v) => points.some((p) => p.values[spec.path] === v));
    const levels = categorical ? used : (used as number[]).slice().sort((a, b) => a - b);
    return { path: spec.path, index, categorical, continuous: !categorical && plan.design === 'lhs' && spec.interval !== null, levels, interval: spec.interval };
  });
  return {
    dir: abs,
    plan,
    scenario: scenarioText(plan.resolvedScenario, plan.scenario),
    parameters,
    design: plan.design,
    replications: summary.replications ?? plan.replications,
    points,
  };
}

/** Statistics of one summary cell at a point (undefined when the point has none). */
export function cell(point: PointSummary, region: string, metric: string, statistic: string): Stats | undefined {
  const s = point.metrics[`${region}|${metric}|${statistic}`];
  return s && Number.isFinite(s.mean) ? s : undefined;
}

/** One line of a headline metric: a region (or the zone) with its display name. */
export interface Series {
  key: string;
  name: string;
}

/** The series of a headline metric that the sweep has data for. */
export function seriesOf(data: SweepData, h: HeadlineMetric): Series[] {
  const candidates: Series[] = h.scope === 'zone' ? [{ key: 'zone', name: 'Zone' }] : data.scenario.regions.map((r) => ({ key: r.id, name: r.name }));
  if (h.scope === 'region' && h.withZone) candidates.push({ key: 'zone', name: 'Zone' });
  return candidates.filter((s) => data.points.some((p) => cell(p, s.key, h.metric, h.statistic)));
}


/** Outcomes that occur anywhere in the sweep, in the canonical order. */
export function usedOutcomes(points: readonly PointSummary[]): GameOutcome[] {
  return GAME_OUTCOMES.filter((o) => points.some((p) => (p.outcomes?.[o] ?? 0) > 0));
}

/**
 * Groups of points by the level of one parameter: every distinct value, or for
 * a continuous (LHS) parameter up to `bins` equal-width bins of its interval.
 * Labels are the value, or the bin's range.
 */
export function levelsOf(data: SweepData, parameter: SweepParameter, bins = 5): { label: string; order: number; x: ParameterValue; points: PointSummary[] }[] {
  if (!parameter.continuous) {
    return parameter.levels.map((level, order) => ({
      label: levelText(level),
      order,
      x: level,
      points: data.points.filter((p) => p.values[parameter.path] === level),
    }));
  }
  const values = data.points.map((p) => Number(p.values[parameter.path]));
  const [lo, hi] = parameter.interval ?? [Math.min(...values), Math.max(...values)];
  const count = Math.max(1, Math.min(bins, data.points.length));
  const width = (hi - lo) / count || 1;
  const digits = significantDigits(width);
  const groups = Array.from({ length: count }, (_, k) => ({
    label: `${(lo + k * width).toFixed(digits)}–${(lo + (k + 1) * width).toFixed(digits)}`,
    order: k,
    x: Number((lo + (k + 0.5) * width).toPrecision(6)) as ParameterValue,
    points: [] as PointSummary[],
  }));
  for (const p of data.points) {
    const v = Number(p.values[parameter.path]);
    const k = Math.min(count - 1, Math.max(0, Math.floor((v - lo) / width)));
    groups[k].points.push(p);
  }
  return groups.filter((g) => g.points.length > 0);
}

/** Decimals that show a step of size `width` (at least 2 significant digits). */
function significantDigits(width: number): number {
  if (!(width > 0)) return 0;
  return Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(width))));
}

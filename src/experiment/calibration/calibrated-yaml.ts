/**
 * calibrated.yaml: a scenario that `extends` the calibrated one by relative
 * path and sets the fitted values at their dotted paths, with a header comment
 * saying how it was fitted, the errors, and the command that reproduces it.
 *
 * `extends` merges mappings key by key but replaces lists, so a fitted value
 * inside a list (e.g. `sectors.10.demandGrowth`) is written by repeating that
 * whole list from the parent with the value changed; a comment says which
 * entries were fitted.
 */
import { Document, isMap, isScalar, type Pair } from 'yaml';
import { getPath, parsePath, setPath } from '../../scenario/merge.js';
import { applyValues } from '../run-point.js';
import type { CalibrationPlan, CalibrationResult } from './calibrate.js';
import { assessCalibration } from './assessment.js';
import { calibratedTitle, relativePath } from './summary.js';

const fmt = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** The error lines of the header, labels padded so the numbers line up. */
function errorLines(plan: CalibrationPlan, result: CalibrationResult): string[] {
  const { errors } = result;
  const rows: [string, string][] = [
    ['scenario as written, fitted years, fitting seeds:', fmt(errors.start)],
    ['fitted values, fitted years, fitting seeds:', `${fmt(errors.inSample)} (in-sample)`],
    [`fitted values, fitted years, ${plan.validationReplications} fresh seeds:`, `${fmt(errors.freshSeeds)} (seed ${plan.validationSeed})`],
  ];
  if (errors.holdout) rows.push(['fitted values, held-out years, fresh seeds:', `${fmt(errors.holdout.freshSeeds)} (out-of-sample)`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `   ${label.padEnd(width)} ${value}`);
}

/** Choices counted, penalised errors, and the hold-out error over seed sets against the naive forecasts. */
function assessmentLines(plan: CalibrationPlan, result: CalibrationResult): string[] {
  const a = assessCalibration(plan, result);
  const c = a.criteria;
  const lines = [
    ` Choices: k = ${a.k} (${a.kFitted} fitted${a.kHand > 0 ? ` + ${a.kHand} by hand: ${plan.choices.map((ch) => `${ch.name} ${ch.count}`).join('; ')}` : ''}); n = ${a.n} fitted points.`,
    ` Penalised (in-sample SSE, K = k + 1): AIC ${fmt(c.aic, 2)}, AICc ${c.aicc === null ? c.aiccNote : fmt(c.aicc, 2)}, BIC ${fmt(c.bic, 2)}.`,
    ` (${a.note})`,
  ];
  if (a.holdout?.model) {
    const m = a.holdout.model;
    lines.push(` Hold-out RMSE over ${m.count} sets of ${plan.validationReplications} fresh seeds: median ${fmt(m.median)} [${fmt(m.min)}, ${fmt(m.max)}].`);
    for (const n of a.holdout.naive)
      lines.push(`   vs ${n.name} (RMSE ${n.rmse === null ? 'n/a' : fmt(n.rmse)}): skill ${n.skill ? `${fmt(n.skill.median, 2)} [${fmt(n.skill.min, 2)}, ${fmt(n.skill.max, 2)}]` : 'n/a'}`);
  }
  if (a.singleRuns.fit) lines.push(` One run's RMSE on the fitted years: median ${fmt(a.singleRuns.fit.median)} [${fmt(a.singleRuns.fit.min)}, ${fmt(a.singleRuns.fit.max)}] over ${a.singleRuns.fit.count} fresh runs.`);
  return lines;
}

/** The header comment (without the leading `#`). */
function headerLines(plan: CalibrationPlan, result: CalibrationResult, command: string): string[] {
  const { target } = plan;
  const { errors, coverage, optimizer } = result;
  const years = (points: readonly { year: number }[]) => points.map((p) => p.year).join(', ');
  const lines = [
    ` ${plan.scenarioName}-calibrated: the scenario "${plan.scenarioName}" with ${plan.parameters.length} parameter${plan.parameters.length === 1 ? '' : 's'} fitted by \`chuanyu calibrate\`.`,
    '',
    ` Target: ${target.source || 'observed values'} (${target.metric}, ${target.points.length} points).`,
    ` Fitted years: ${years(plan.fit)}.`,
    plan.holdout.length > 0 ? ` Held out (never read by the fit, reported as out-of-sample error): ${years(plan.holdout)}.` : ' No years held out.',
    ...(plan.matched.length > 0 ? [` Matched by construction (set by a hand choice; in no error): ${years(plan.matched)}.`] : []),
    ...(plan.unused.length > 0 ? [` Unused (neither fitted nor held out): ${years(plan.unused)}.`] : []),
    ` Method: ${optimizer.name}; ${optimizer.evaluations} evaluations in ${optimizer.generations} generations (${optimizer.restarts} restarts).`,
    ` Each evaluation: RMSE between the target and the mean ${target.metric} of ${plan.replications} replications`,
    ` (seed ${plan.seed}, replications 0-${plan.replications - 1}, the same common random numbers every time).`,
    '',
    ` Errors (RMSE of the mean ${target.metric}):`,
    ...errorLines(plan, result),
  ];
  lines.push(...assessmentLines(plan, result));
  lines.push(
    ` The 90% band of the fresh-seed replications covers ${coverage.covered} of ${coverage.total} target points${plan.matched.length + plan.unused.length > 0 ? ' fitted or held out' : ''}.`,
    '',
    ' Fitted values (bounds; value before fitting):',
    ...plan.parameters.map((p) => `   ${p.path} = ${result.fitted[p.path]} ([${p.lower}, ${p.upper}]; was ${result.start[p.path]})`),
    '',
    ` Reproduce: ${command}`,
  );
  return lines;
}

/**
 * The fitted values as a scenario fragment: mappings down to each value; a
 * value inside a list brings the whole list (the parent's, from `raw`, with
 * every fitted value in it set).
 */
export function fittedOverride(plan: CalibrationPlan, raw: unknown, fitted: Record<string, number>): { override: Record<string, unknown>; lists: Map<string, string[]> } {
  const byIndexPath = Object.fromEntries(plan.parameters.flatMap((p) => p.indexPaths.map((ip) => [ip, fitted[p.path]])));
  const rawFitted = applyValues(raw, byIndexPath);
  const resolvedFitted = applyValues(plan.scenario, byIndexPath);
  let override: Record<string, unknown> = {};
  const lists = new Map<string, string[]>();
  for (const [ip, p] of plan.parameters.flatMap((q) => q.indexPaths.map((i) => [i, q] as const))) {
    const segments = parsePath(ip);
    let listAt = -1;
    for (let d = 1; d < segments.length; d++) {
      if (Array.isArray(getPath(plan.scenario, segments.slice(0, d)))) {
        listAt = d;
        break;
      }
    }
    if (listAt < 0) {
      override = setPath(override, segments, fitted[p.path]);
      continue;
    }
    const prefix = segments.slice(0, listAt);
    const list = getPath(rawFitted, prefix) ?? getPath(resolvedFitted, prefix);
    override = setPath(override, prefix, list);
    const key = prefix.join('.');
    const named = lists.get(key) ?? [];
    if (!named.includes(p.path)) named.push(p.path);
    lists.set(key, named);
  }
  return { override, lists };
}

export function calibratedScenarioYaml(plan: CalibrationPlan, result: CalibrationResult, options: { outDir: string; command: string; raw: unknown }): string {
  const { override, lists } = fittedOverride(plan, options.raw, result.fitted);
  const doc = new Document({
    extends: relativePath(options.outDir, plan.scenarioFile),
    name: `${plan.scenarioName}-calibrated`,
    title: `${calibratedTitle(plan.scenarioTitle || plan.scenarioName)} (calibrated)`,
    ...override,
  });
  doc.commentBefore = headerLines(plan, result, options.command).join('\n');
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items as Pair[]) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      // Lists at or under this key (e.g. governments.sichuan.strategy.timeline under governments).
      const under = [...lists].filter(([list]) => list === key || list.startsWith(`${key}.`));
      if (under.length > 0 && isScalar(item.key)) {
        const fittedHere = [...new Set(under.flatMap(([, paths]) => paths))];
        const names = under.map(([list]) => list);
        item.key.commentBefore =
          names.length === 1 && names[0] === key
            ? ` The whole ${key} list is repeated from the parent (extends replaces lists); fitted: ${fittedHere.join(', ')}.`
            : ` The whole list${names.length === 1 ? '' : 's'} ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} repeated from the parent (extends replaces lists); fitted: ${fittedHere.join(', ')}.`;
      }
      else if (key === 'extends' && isScalar(item.key)) item.key.commentBefore = ' Fitted values below; everything else comes from the parent.';
    }
  }
  return doc.toString({ lineWidth: 0 });
}

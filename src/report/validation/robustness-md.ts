/**
 * docs/VALIDATION.md's section on the robustness of the claims, from
 * `measureRobustness`: the method, the ranges and why, one row per claim
 * (shipped point, share of the region [95% CI], deciding parameters, figures
 * where it fails), the failing claims' measured figures, and every claim's
 * Morris mu* per parameter. Every figure comes from the result.
 */
import type { RobustnessResult, ClaimSummary } from '../../experiment/robustness.js';
import { MARGIN_CLIP, type ParameterScreening } from '../../experiment/robustness-analysis.js';
import { MARGIN } from '../../experiment/validation-claims.js';
import type { ShareInterval } from '../../experiment/verdict.js';

export const ROBUSTNESS_HEADING = '## Robustness of the claims over plausible parameter ranges';

/** Text from files and evidence, safe inside a table cell. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const num = (x: number, digits = 2) => (Number.isNaN(x) ? 'n/a' : x === Infinity ? '+inf' : x === -Infinity ? '-inf' : Math.abs(x) >= 1e6 ? x.toExponential(1) : x.toFixed(digits));
const value = (x: number) => String(Number(x.toPrecision(3)));
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : 'n/a');
const share = (s: ShareInterval, n: number) => `${num(s.share)} [${num(s.low)}, ${num(s.high)}] (${s.count} of ${n})`;

/** A claim fails robustly when it fails at the shipped point or holds in under half of the region. */
export const failsRobustly = (c: ClaimSummary) => !c.shipped.holds || c.robustness.share.share < 0.5;

function deciding(screening: readonly ParameterScreening[]): string {
  const moved = screening.filter((s) => s.muStar.value > 0).slice(0, 3);
  if (moved.length === 0) return 'none (no parameter moves its margin)';
  return moved.map((s) => `${cell(s.label)} ${num(s.muStar.value, 1)}`).join(', ');
}

/** Where the claim holds as its first deciding parameter goes from the lower to the upper half of its range. */
function halves(c: ClaimSummary): string {
  const top = c.robustness.screening[0];
  if (!top || !(top.muStar.value > 0)) return '';
  return `holds in ${pct(top.lowerHalf.share)} of points with ${cell(top.label)} in the lower half of its range, ${pct(top.upperHalf.share)} in the upper half`;
}

function failureFigures(c: ClaimSummary, points: number): string {
  const r = c.robustness;
  const failing = points - r.share.count;
  if (failing === 0 && c.shipped.holds) return '-';
  const parts: string[] = [];
  if (!c.shipped.holds) parts.push(`shipped point: margin ${num(c.shipped.statistic, 1)}`);
  if (failing > 0) parts.push(`fails at ${failing} of ${points} points (margin median ${num(r.statistic.median, 1)}, 5th percentile ${num(r.statistic.p05, 1)})`);
  const h = halves(c);
  if (h) parts.push(h);
  return parts.join('; ');
}

export function robustnessMarkdown(result: RobustnessResult): string[] {
  const { plan, design, claims } = result;
  const k = plan.parameters.length;
  const points = design.lhs.length;
  const morrisPoints = design.morrisPoints.length;
  const robust = claims.filter((c) => !failsRobustly(c));
  const surely = claims.filter((c) => c.shipped.holds && c.robustness.share.low >= 0.5);
  const failing = claims.filter(failsRobustly);
  const lines = [
    ROBUSTNESS_HEADING,
    '',
    `Generated from \`${cell(plan.file)}\`${plan.scale === 'full' ? '' : ` at its \`${cell(plan.scale)}\` scale (a smoke test; these figures mean nothing)`}. Every claim of the table above was checked at`,
    `${1 + points + morrisPoints} parameter points: the shipped point; a Latin hypercube of ${points} points over the ${k} ranges below (each range cut`,
    `into ${points} equal strata with one point in each; design seed ${plan.designSeed}); and ${plan.trajectories} Morris trajector${plan.trajectories === 1 ? 'y' : 'ies'} on a ${plan.levels}-level grid`,
    `(${morrisPoints} points). At every point all ${result.worlds.length} validation worlds (${result.worlds.map((w) => `\`${w}\``).join(', ')}) ran with the point's`,
    `values (a world's own values, a strategy or leverage 0, outrank them), ${plan.replications} replications each (seed ${plan.seed}, the same`,
    `replications at every point: common random numbers), with counterfactual runs where a claim needs them: ${result.runs.toLocaleString('en-US')} model runs.`,
    `A claim holds at a point by the rule of the table above (a paired difference more than ${MARGIN} standard errors from zero in the`,
    'stated direction, or the stated bound). *Share of the region*: the share of the hypercube points where it holds, with a 95%',
    'Wilson score interval (the error of sampling the region; each point\'s verdict has its replication error besides).',
    `*Deciding parameters*: Morris mu* of the claim's margin (t - ${MARGIN} for a comparison, (mean - bound) / standard error for a bound,`,
    `the smallest for a claim of several parts; clipped to +-${MARGIN_CLIP}): the mean absolute change of the margin, in standard errors, as`,
    'the parameter moves over its whole range; the three largest. *Figures where it fails*: the margin at the shipped point if it',
    'fails there, the hypercube points where it fails and, for the first deciding parameter, where the claim holds in the lower and',
    'the upper half of its range. The ranges are assumptions about what is plausible; why each was chosen:',
    '',
    '| parameter | path | shipped | range | why |',
    '|---|---|---|---|---|',
    ...plan.parameters.map((p) => `| ${cell(p.label)} | \`${cell(p.path)}\` | ${value(result.shippedValues[p.path])} | [${value(p.range[0])}, ${value(p.range[1])}] | ${cell(p.why)} |`),
    '',
    `**${robust.length} of ${claims.length} claims hold at the shipped point and in at least half of the region** (${surely.length} with the share's`,
    `95% interval above one half).${failing.length > 0 ? ` Failing: ${failing.map((c) => `\`${c.id}\``).join(', ')}.` : ''}`,
    '',
    '| claim | holds at shipped point | share of region where it holds [95% CI] | deciding parameters (Morris mu*) | figures where it fails |',
    '|---|---|---|---|---|',
    ...claims.map((c) => `| ${cell(c.statement)} | ${c.shipped.holds ? 'yes' : '**no**'} (margin ${num(c.shipped.statistic, 1)}) | ${share(c.robustness.share, points)} | ${deciding(c.robustness.screening)} | ${failureFigures(c, points)} |`),
    '',
  ];
  if (failing.length > 0) {
    lines.push('### The failing claims, measured', '');
    for (const c of failing) {
      lines.push(`- **${c.id}**: holds in a share ${share(c.robustness.share, points)} of the region.`);
      if (!c.shipped.holds) lines.push(`  At the shipped point: ${cell(c.shipped.evidence)}.`);
      const w = c.robustness.worst;
      if (w) {
        const at = plan.parameters.map((p) => `${cell(p.label)} ${value(w.values[p.path])}`).join(', ');
        lines.push(`  Where it fails worst in the hypercube (margin ${num(w.outcome.statistic, 1)}; ${at}): ${cell(w.outcome.evidence)}.`);
      }
    }
    lines.push('');
  }
  lines.push(
    `### Morris screening: mu* of each claim's margin (standard errors over the parameter's range; ${plan.trajectories} trajector${plan.trajectories === 1 ? 'y' : 'ies'})`,
    '',
    `| claim | ${plan.parameters.map((p) => cell(p.label)).join(' | ')} |`,
    `|---|${plan.parameters.map(() => '---|').join('')}`,
    ...claims.map((c) => {
      const by = new Map(c.robustness.screening.map((s) => [s.path, s]));
      return `| \`${c.id}\` | ${plan.parameters.map((p) => num(by.get(p.path)!.muStar.value, 1)).join(' | ')} |`;
    }),
    '',
  );
  return lines;
}

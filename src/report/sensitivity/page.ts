/** The HTML page of a sensitivity report (report.html): the design, the indices of every output, and the charts. */
import type { Provenance } from '../../results/provenance-format.js';
import { basename } from 'node:path';
import type { IndexEstimate } from '../../experiment/sensitivity/common.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { INDEX_LABELS, outputInfo, type SensitivityData } from './charts.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';

/** A number for tables: 3 significant digits for indices, more for large effects. */
function num(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs === 0) return '0';
  if (abs >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 1) return x.toFixed(abs >= 100 ? 1 : abs >= 10 ? 2 : 3);
  return x.toPrecision(3);
}

const withInterval = (e: IndexEstimate | undefined, scale: number) =>
  e ? `${num(e.value * scale)}${Number.isFinite(e.low) ? ` <span class="note">[${num(e.low * scale)}, ${num(e.high * scale)}]</span>` : ''}` : 'n/a';

function parametersTable(data: SensitivityData): string {
  const rows = data.plan.parameters.map((p) => [`<code>${escapeHtml(p.path)}</code>`, String(p.interval[0]), String(p.interval[1])]);
  return htmlTable('The varied scenario parameters (dotted paths into the scenario file) and their intervals; every other setting is the scenario\'s.', ['Parameter', 'Low', 'High'], rows, { numeric: [1, 2] });
}

function indicesTables(data: SensitivityData): string {
  const { plan, summary } = data;
  const ci = `${Math.round(100 * plan.confidence)}%`;
  return summary.outputs
    .map((a) => {
      const info = outputInfo(a.output, data.scenario);
      const unit = escapeHtml(info.effectUnit);
      let header: string[];
      let rows: string[][];
      if (plan.method === 'morris') {
        header = ['Parameter', `${escapeHtml(INDEX_LABELS.mu_star)} <span class="note">[${ci} interval]</span>`, escapeHtml(INDEX_LABELS.mu), escapeHtml(INDEX_LABELS.sigma)];
        rows = a.parameters.map((p) => [
          `<code>${escapeHtml(p.parameter)}</code>`,
          withInterval(p.indices.mu_star, info.scale),
          num((p.indices.mu?.value ?? Number.NaN) * info.scale),
          num((p.indices.sigma?.value ?? Number.NaN) * info.scale),
        ]);
      } else {
        header = ['Parameter', `${escapeHtml(INDEX_LABELS.S1)} <span class="note">[${ci} interval]</span>`, `${escapeHtml(INDEX_LABELS.ST)} <span class="note">[${ci} interval]</span>`];
        rows = a.parameters.map((p) => [`<code>${escapeHtml(p.parameter)}</code>`, withInterval(p.indices.S1, 1), withInterval(p.indices.ST, 1)]);
      }
      const spread = `over the design points the output has mean ${num(a.mean * info.scale)} and standard deviation ${num(Math.sqrt(a.variance) * info.scale)}`;
      const used =
        plan.method === 'morris'
          ? a.used < plan.samples ? `; ${a.used} of ${plan.samples} trajectories had finite values` : ''
          : a.used < plan.samples ? `; ${a.used} of ${plan.samples} base samples had finite values` : '';
      const caption =
        plan.method === 'morris'
          ? `Effects of a full-range change of each parameter (${unit}); ${spread}${used}.`
          : `Shares of the output's variance; ${spread} (${unit})${used}.`;
      return `<h3>${escapeHtml(info.title)} <span class="note"><code>${escapeHtml(a.output)}</code></span></h3>\n${htmlTable(caption, header, rows, { numeric: plan.method === 'morris' ? [1, 2, 3] : [1, 2] })}`;
    })
    .join('\n');
}

function methodText(data: SensitivityData): string {
  const { plan } = data;
  const n = plan.replications;
  const reps = `Each point is run for ${n} replication${n === 1 ? '' : 's'}${plan.counterfactual ? ', each with its counterfactual,' : ''} with the same seeds at every point (common random numbers), and the indices use the mean over replications.`;
  const boot = plan.bootstrap > 0 ? `Intervals: ${Math.round(100 * plan.confidence)}% bootstrap percentile intervals from ${plan.bootstrap} resamples of ${plan.method === 'morris' ? 'trajectories' : 'base samples'}.` : 'No bootstrap intervals were computed.';
  const text =
    plan.method === 'morris'
      ? `Morris elementary effects (Morris 1991) with μ* (Campolongo et al. 2007): ${plan.samples} random trajectories on a ${plan.levels}-level grid over the parameter intervals, each moving one parameter at a time, ${plan.points.length} points in all. An elementary effect is the change of the output per step, scaled to the parameter's whole interval, so effects of different parameters compare directly. μ* ranks parameters by importance, σ shows non-linearity or interactions.`
      : `Sobol variance-based indices from a Saltelli design (Saltelli 2002, 2010): ${plan.samples} base samples (${plan.sampling === 'quasi' ? 'a randomly shifted Sobol sequence' : 'seeded random'}), ${plan.points.length} points in all (N × (parameters + 2)). First-order indices by the Saltelli (2010) estimator, total-order indices by Jansen's (1999).`;
  return `<p>${escapeHtml(text)}</p>\n<p>${escapeHtml(reps)} ${escapeHtml(boot)}</p>`;
}

export function sensitivityHtml(data: SensitivityData, charts: Parameters<typeof buildExperimentHtml>[0]['charts'], provenance: Provenance | null = null): string {
  const { plan, scenario } = data;
  const name = scenario.title || scenario.name;
  const n = plan.replications;
  const method = plan.method === 'morris' ? 'Morris screening' : 'Sobol indices';
  const vl = charts.some((c) => c.files.some((f) => f.href.endsWith('.vl.json')));
  return buildExperimentHtml({
    provenance,
    title: `Sensitivity: ${name}`,
    documentTitle: `Sensitivity of ${scenario.name} – chuanyu-sim sensitivity report`,
    illustrative: illustrativeHtml(illustrativeNotes([data.scenario])),
    lede: [`${method} of ${data.summary.outputs.length} output${data.summary.outputs.length === 1 ? '' : 's'} with respect to ${plan.parameters.map((p) => p.path).join(', ')} in the scenario "${name}".`, ...(scenario.description ? [scenario.description] : [])],
    meta: [
      `Base scenario <code>${escapeHtml(scenario.name)}</code>`,
      escapeHtml(method),
      `${plan.points.length} points`,
      `${n} replication${n === 1 ? '' : 's'} a point`,
      `seed ${escapeHtml(String(plan.seed))}`,
    ],
    sections: [
      { id: 'design', heading: 'Design', html: `${methodText(data)}\n${parametersTable(data)}` },
      { id: 'indices', heading: 'Indices by output', html: indicesTables(data) },
    ],
    charts,
    footer: `Made by chuanyu-sim from the sensitivity folder <code>${escapeHtml(basename(data.dir))}</code> (sensitivity-plan.json and summary.json; sensitivity.csv holds every index, points.csv every output at every point).${
      vl ? ' Each chart is also saved next to this page as a Vega-Lite spec with its data inline, so it can be re-drawn or restyled.' : ''
    }`,
  });
}

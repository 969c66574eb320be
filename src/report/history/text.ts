/**
 * The history analyses in plain words and Markdown tables: summary.md of
 * `chuanyu history`, and the lines `chuanyu validate` can put in
 * docs/VALIDATION.md (historyMarkdown). Every figure comes from the result.
 */
import type { Attribution, ChangeAttribution, VariantAttribution } from '../../experiment/history/attribution.js';
import type { SwitchProfile, WindowResult } from '../../experiment/history/switch-profile.js';

export interface HistoryResult {
  profile: SwitchProfile | null;
  attribution: Attribution | null;
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
/** Squared errors are small (1e-4): five decimals. */
const f5 = (x: number) => (Number.isFinite(x) ? x.toFixed(5) : 'n/a');
const signed = (x: number, f = f3) => (Number.isFinite(x) && x > 0 ? '+' : '') + f(x);
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : 'n/a');
const interval = (lo: number, hi: number, f = f3) => `[${f(lo)}, ${f(hi)}]`;
/** Scenario texts (titles, event labels) in Markdown: no HTML a viewer would render, no table breaks. */
const mdText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cell = (text: string) => mdText(text).replace(/\|/g, '\\|');
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Year ranges of the scored points, e.g. "1993-2015 (9 target years)". */
const scoredText = (years: readonly number[]) => `${plural(years.length, 'target year')} ${years.join(', ')}`;

/** Supported windows grouped by start year: "from 2001: to 2004, 2006; from 2003: ...". */
export function windowList(windows: readonly WindowResult[], lastYear: number): string {
  const starts = new Map<number, string[]>();
  const parts: string[] = [];
  for (const w of windows) {
    if (w.window.kind === 'none') {
      parts.push('no episode');
      continue;
    }
    const ends = starts.get(w.window.from) ?? [];
    ends.push(w.window.to > lastYear ? 'the end' : String(w.window.to - 1));
    starts.set(w.window.from, ends);
  }
  for (const [from, ends] of [...starts].sort((a, b) => a[0] - b[0])) parts.push(`from ${from} to ${ends.join(', ')}`);
  return parts.join('; ') || 'none';
}

function comparisonText(w: WindowResult, mean: boolean): string {
  const c = mean ? w.vsBestMean : w.vsBest;
  if ((mean && w.bestMean) || (!mean && w.best)) return 'the best';
  const verdict = (mean ? w.supportedMean : w.supported) ? 'not significantly worse than the best' : 'significantly worse than the best';
  return `${verdict} (${mean ? 'squared error of the mean' : 'mean squared error per replication'} ${signed(c.difference, f5)} ${interval(c.ciLow, c.ciHigh, f5)})`;
}

/** The profile in plain words. */
export function profileSentences(p: SwitchProfile): string[] {
  const last = p.years[1];
  const best = p.windows[p.best];
  const bestMean = p.windows[p.bestMean];
  const supported = p.windows.filter((w) => w.supported);
  const supportedMean = p.windows.filter((w) => w.supportedMean);
  const none = p.windows.find((w) => w.window.kind === 'none');
  const own = p.scenarioWindow === null ? null : p.windows[p.scenarioWindow];
  const lines = [
    `${p.windows.length} competition windows for ${p.governments.join(' and ')} (the same years for each; "compete A-B" means competing in the years A to B, then the strategy the scenario switched to), ` +
      `each run ${plural(p.replications, 'time')} on the same seeds (seed ${p.seed}, common random numbers). Errors are against the ${scoredText(p.scoredYears)}; ` +
      `the first simulated year (${p.years[0]}) is left out because the initial sector shares set it by construction.`,
    `Best window by the mean squared error of single replications: ${best.label} (RMSE of the mean ${f4(best.rmse)}). ` +
      `Best by the error of the mean series (the calibration's objective): ${bestMean.label} (RMSE ${f4(bestMean.rmse)}).`,
    `Supported (not significantly worse than the best at 95%, paired by replication): ${supported.length} of ${p.windows.length} windows by the per-replication error, ${supportedMean.length} by the mean-series error.`,
  ];
  if (own) lines.push(`The scenario's own window, ${own.label}: RMSE ${f4(own.rmse)}; ${comparisonText(own, false)}; by the mean series ${comparisonText(own, true)}.`);
  if (none) lines.push(`No competition episode at all: RMSE ${f4(none.rmse)}; ${comparisonText(none, false)}; by the mean series ${comparisonText(none, true)}.`);
  lines.push(`Supported by both criteria: ${windowList(p.windows.filter((w) => w.supported && w.supportedMean), last)}.`);
  lines.push(
    'Caveats: the best window is picked from the same runs, so it looks a little better than it is; the intervals are per comparison, not simultaneous over all windows (more windows are called worse than a joint test would); the per-replication error counts the spread of single runs too, the mean-series error only the distance of the average path; every other parameter stays as the scenario sets it, so if those were fitted with the scenario\'s own window (as in a calibrated scenario), that window is favoured.',
  );
  return lines;
}

function changeWords(c: ChangeAttribution, what: string): string {
  const d = c.vsFull;
  if (d.difference === 0 && d.ciLow === 0 && d.ciHigh === 0) return `leaves the ${what} exactly unchanged (identical runs): it explains none of it`;
  const by = `changes the ${what} by ${signed(d.difference)} ${interval(d.ciLow, d.ciHigh)}`;
  if (!c.significant) return `${by}: no detectable part of it (the interval includes zero)`;
  if (c.share.value > 1) return `${by}: it accounts for ${pct(c.share.value)} of it [${pct(c.share.low)}, ${pct(c.share.high)}] (more than all of it: without it the series moves the other way)`;
  if (c.share.value >= 0) return `${by}: it accounts for ${pct(c.share.value)} of it [${pct(c.share.low)}, ${pct(c.share.high)}]`;
  return `${by}: it works against it (switching it off makes the ${what} larger by ${pct(-c.share.value)} [${pct(-c.share.high)}, ${pct(-c.share.low)}])`;
}

/** One plain-words line per mechanism switched off. */
export function attributionSentences(a: Attribution): string[] {
  const { start, trough, peak } = a.periods;
  const full = a.rows[0];
  const lines = [
    `Full model (${plural(a.replications, 'replication')}, seed ${a.seed}): the mean similarity falls by ${f3(full.fall.mean)} from ${start} to ${trough} and rises by ${f3(full.rise.mean)} from ${trough} to ${peak}; RMSE ${f4(full.rmse)} against the ${scoredText(a.scoredYears)}.`,
  ];
  for (const r of a.rows.slice(1)) {
    lines.push(
      `Switching off ${r.label} (${r.changed}) ${changeWords(r.fall, `${start}-${trough} fall`)}, and ${changeWords(r.rise, `${trough}-${peak} rise`)}; RMSE ${f4(r.rmse)} (${signed(r.rmse - full.rmse, f4)} against the full model).`,
    );
  }
  for (const m of a.missing) lines.push(`${capital(m.label)}: not in this scenario (${m.reason}).`);
  return lines;
}

function profileTable(p: SwitchProfile): string[] {
  const shown = p.windows.filter((w) => w.supported || w.supportedMean || w.scenario || w.window.kind === 'none').sort((a, b) => a.rmse - b.rmse);
  const years = p.scoredYears;
  return [
    `| window | RMSE | vs best, per replication [95%] | supported | vs best, mean series [95%] | supported | ${years.join(' | ')} |`,
    `|---|---|---|---|---|---|${years.map(() => '---|').join('')}`,
    ...shown.map((w) => {
      const mark = [w.best || w.bestMean ? 'best' : '', w.scenario ? "scenario's" : ''].filter(Boolean).join(', ');
      const at = years.map((y) => f3(w.means.find((m) => m.year === y)?.mean ?? Number.NaN));
      const vs = (best: boolean, c: WindowResult['vsBestMean']) => (best ? 'best' : `${signed(c.difference, f5)} ${interval(c.ciLow, c.ciHigh, f5)}`);
      return `| ${cell(w.label)}${mark ? ` (${mark})` : ''} | ${f4(w.rmse)} | ${vs(w.best, w.vsBest)} | ${w.supported ? 'yes' : 'no'} | ${vs(w.bestMean, w.vsBestMean)} | ${w.supportedMean ? 'yes' : 'no'} | ${at.join(' | ')} |`;
    }),
    `| target | | | | | | ${years.map((y) => f3(p.target.find((t) => t.year === y)?.value ?? Number.NaN)).join(' | ')} |`,
  ];
}

const shareCell = (c: ChangeAttribution) => (c.significant ? `${pct(c.share.value)} [${pct(c.share.low)}, ${pct(c.share.high)}]` : c.vsFull.difference === 0 && c.vsFull.ciHigh === 0 ? 'none (identical)' : `none detectable [${pct(c.share.low)}, ${pct(c.share.high)}]`);

function attributionTable(a: Attribution): string[] {
  const { start, trough, peak } = a.periods;
  const row = (r: VariantAttribution, i: number) =>
    i === 0
      ? `| ${capital(r.label)} | ${f3(r.fall.mean)} | | | ${f3(r.rise.mean)} | | | ${f4(r.rmse)} |`
      : `| ${cell(capital(r.label))} off | ${f3(r.fall.mean)} | ${signed(r.fall.vsFull.difference)} ${interval(r.fall.vsFull.ciLow, r.fall.vsFull.ciHigh)} | ${shareCell(r.fall)} | ${f3(r.rise.mean)} | ${signed(r.rise.vsFull.difference)} ${interval(r.rise.vsFull.ciLow, r.rise.vsFull.ciHigh)} | ${shareCell(r.rise)} | ${f4(r.rmse)} |`;
  return [
    `| variant | fall ${start}-${trough} | change vs full [95%] | share of the fall | rise ${trough}-${peak} | change vs full [95%] | share of the rise | RMSE |`,
    '|---|---|---|---|---|---|---|---|',
    ...a.rows.map(row),
  ];
}

/** Markdown lines for docs/VALIDATION.md (or summary.md): plain words, then the tables. */
export function historyMarkdown(result: HistoryResult): string[] {
  const lines: string[] = [];
  const { profile, attribution } = result;
  if (profile) {
    lines.push(`### Which competition windows the data support (${profile.scenario})`, '', ...profileSentences(profile).flatMap((s) => [s, '']));
    lines.push('Windows shown: those supported by either criterion, the scenario\'s own and "no episode" (all windows: profile.csv). Columns after the supported flags: the mean simulated similarity at each scored target year.', '', ...profileTable(profile), '');
  }
  if (attribution) {
    lines.push(`### Which mechanism explains the history (${attribution.scenario})`, '', ...attributionSentences(attribution).map((s) => `- ${mdText(s)}`), '');
    lines.push(
      `Each mechanism switched off alone, ${plural(attribution.replications, 'replication')} paired with the full model's (same seeds). Share: the change in the fall (rise) when the mechanism is off, over the full model's mean fall (rise), with the 95% interval of the paired difference mapped the same way (the full model's own uncertainty not included); "none detectable" when that interval includes zero.`,
      '',
      ...attributionTable(attribution),
      '',
    );
  }
  return lines;
}

/** summary.md of a history folder. */
export function historySummaryMarkdown(result: HistoryResult, command: string): string {
  const name = result.profile?.scenario ?? result.attribution?.scenario ?? '';
  const title = result.profile?.title ?? result.attribution?.title ?? '';
  return [`# History analyses: ${name}`, '', title ? `${mdText(title)}.` : '', '', `Reproduce: \`${command}\``, '', ...historyMarkdown(result)].join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** The profile and the attribution in a few lines for the README. */
export function historyBriefMarkdown(result: HistoryResult): string[] {
  const lines: string[] = [];
  const { profile: p, attribution: a } = result;
  if (p) {
    const both = p.windows.filter((w) => w.supported && w.supportedMean);
    const none = p.windows.find((w) => w.window.kind === 'none');
    lines.push(
      `- **Competition windows:** of ${p.windows.length} windows, ${both.length} fit about as well as the best by both criteria (${windowList(both, p.years[1])})` +
        (none ? `; no episode at all is ${none.supported || none.supportedMean ? 'among them' : 'significantly worse'} (RMSE ${f4(none.rmse)} against ${f4(p.windows[p.bestMean].rmse)}).` : '.'),
    );
  }
  if (a) {
    const { start, trough, peak } = a.periods;
    const explains = (c: ChangeAttribution, what: string) => (!c.significant ? `nothing detectable of the ${what}` : c.share.value > 0 ? `${pct(c.share.value)} of the ${what}` : `works against the ${what}`);
    const rows = a.rows.slice(1).map((r) => `${r.label}: ${explains(r.fall, 'fall')}, ${explains(r.rise, 'rise')}`);
    lines.push(`- **Mechanisms** (each switched off alone; share of the ${start}-${trough} fall and the ${trough}-${peak} rise it accounts for): ${mdText(rows.join('; '))}.`);
  }
  return lines;
}

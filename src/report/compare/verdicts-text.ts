/**
 * A comparison's verdicts for the terminal: a compact table per displayed
 * lens (rows: scenarios; columns: each region's change with its 95% interval,
 * the zone's, the verdict), then a few lines of plain words made from the same
 * numbers, for a reader who has not met the lenses before.
 */
import type { ChangeInterval, LensVerdict } from '../../experiment/verdict.js';
import type { ComparisonVerdicts } from './verdicts.js';
import { isNoChange, verdictLabel } from './verdicts.js';
import { WHY_LENSES_DIFFER } from '../common/lens-display.js';
import { uniqueLabels } from './read.js';
import { formatInterval } from '../common/format.js';

/** Billion yuan: whole numbers from 10 up (with thousands separators), one decimal below. */
export function formatChange(x: number, signed = false): string {
  if (!Number.isFinite(x)) return 'n/a';
  const text = Math.abs(x) >= 10 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
  return signed && x >= 0 && text !== '0.0' && text !== '0' ? `+${text}` : text;
}

/** "+120 [80, 160]": one format for the three numbers, chosen by the interval's width (format.ts). */
export function changeText(c: ChangeInterval): string {
  return Number.isFinite(c.low) ? formatInterval(c.mean, c.low, c.high, { signed: true }) : formatChange(c.mean, true);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd()).join('\n');
}

/** Region ids of every scenario, in order of first appearance. */
export function regionsOf(verdicts: ComparisonVerdicts): string[] {
  return [...new Set(verdicts.scenarios.flatMap((s) => s.regions))];
}

/** The verdicts with each scenario named by its unique label (a scenario compared with itself is `name (2)`). */
function labelled(verdicts: ComparisonVerdicts): ComparisonVerdicts {
  const labels = uniqueLabels(verdicts.scenarios.map((s) => s.scenario));
  return { ...verdicts, scenarios: verdicts.scenarios.map((s, i) => ({ ...s, scenario: labels[i] })) };
}

/** The tables, one per displayed lens, each under a line naming the lens and what it measures. */
export function formatVerdictTables(all: ComparisonVerdicts): string {
  const verdicts = labelled(all);
  const ids = regionsOf(verdicts);
  const n = verdicts.replications;
  const lines = [`Verdicts: each scenario against its own counterfactual (same seeds, every government invests, no fund); change over the run in bn yuan, mean [95% interval] over ${n} paired replication${n === 1 ? '' : 's'}.`];
  for (const lens of verdicts.shown) {
    const rows = [['scenario', ...ids, 'zone', 'verdict']];
    for (const s of verdicts.scenarios) {
      const v = s.lenses[lens.lens];
      rows.push([s.scenario, ...ids.map((id) => (v.regions[id] ? changeText(v.regions[id]) : '-')), changeText(v.zone), verdictLabel(v)]);
    }
    lines.push('', `${capitalise(lens.heading)}: ${lens.note}.`, table(rows));
  }
  return lines.join('\n');
}

const capitalise = (text: string) => (text.startsWith('GDP') ? text : text.charAt(0).toUpperCase() + text.slice(1));
const listOf = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
const above = (c: ChangeInterval) => c.low > 0;
const below = (c: ChangeInterval) => c.high < 0;
const bn = (c: ChangeInterval) => `${formatChange(c.mean, true)} bn yuan [${formatChange(c.low)}, ${formatChange(c.high)}]`;

/** What one verdict says, in words: "compete is negative-sum (the zone's change is -120 bn yuan [-200, -40]; sichuan loses)". */
export function verdictPhrase(scenario: string, v: LensVerdict, replications: number): string {
  const regions = Object.entries(v.regions);
  const gainers = regions.filter(([, c]) => above(c)).map(([id]) => id);
  const losers = regions.filter(([, c]) => below(c)).map(([id]) => id);
  const verb = (names: string[], one: string, many: string) => `${listOf(names)} ${names.length === 1 ? one : many}`;
  const zone = `the zone's change is ${bn(v.zone)}`;
  if (isNoChange(v)) return `${scenario} changes nothing (it plays exactly as its counterfactual)`;
  switch (v.verdict) {
    case 'win-win':
      return `${scenario} is win-win (every region gains; ${zone})`;
    case 'zero-sum':
      return `${scenario} is zero-sum (${verb(gainers, 'gains', 'gain')} what ${verb(losers, 'loses', 'lose')}; ${zone}, which could be zero)`;
    case 'negative-sum':
      return `${scenario} is negative-sum (${zone}${losers.length > 0 ? `; ${verb(losers, 'loses', 'lose')}` : ''}${gainers.length > 0 ? `, though ${verb(gainers, 'gains', 'gain')}` : ''})`;
    case 'positive-sum-with-loser':
      return `${scenario} is positive-sum with a loser (${zone}, but ${verb(losers, 'loses', 'lose')})`;
    default: {
      const undecided = regions.filter(([, c]) => !above(c) && !below(c));
      const known = [
        ...(gainers.length > 0 ? [verb(gainers, 'gains', 'gain')] : []),
        ...(losers.length > 0 ? [verb(losers, 'loses', 'lose')] : []),
        ...(above(v.zone) ? [`the zone gains ${bn(v.zone)}`] : []),
      ];
      const what = undecided.length > 0 ? `${listOf(undecided.map(([id, c]) => `${id}'s change ${changeText(c)}`))} cannot be told from zero` : `the zone's change ${changeText(v.zone)} cannot be told from zero`;
      return `${scenario} gives no verdict (${what} with ${replications} replications${known.length > 0 ? `, while ${listOf(known)}` : ''})`;
    }
  }
}

/** The scenarios whose displayed lenses give different verdicts. */
function disagreements(verdicts: ComparisonVerdicts): string[] {
  return verdicts.scenarios.filter((s) => new Set(verdicts.shown.map((l) => verdictLabel(s.lenses[l.lens]))).size > 1).map((s) => s.scenario);
}

/** Three to six lines of plain words, every number taken from the verdicts. */
export function verdictWords(all: ComparisonVerdicts): string[] {
  const verdicts = labelled(all);
  const n = verdicts.replications;
  const unchanged = verdicts.scenarios.filter((s) => verdicts.shown.every((l) => isNoChange(s.lenses[l.lens])));
  const rest = verdicts.scenarios.filter((s) => !unchanged.includes(s));
  const lines: string[] = [];
  if (unchanged.length > 0)
    lines.push(`${verb(unchanged.map((s) => s.scenario), 'plays', 'play')} exactly as ${unchanged.length === 1 ? 'its' : 'their'} counterfactual, so ${unchanged.length === 1 ? 'it changes' : 'they change'} nothing in any lens.`);
  if (rest.length > 0) for (const l of verdicts.shown) lines.push(`In ${l.heading}: ${rest.map((s) => verdictPhrase(s.scenario, s.lenses[l.lens], n)).join('; ')}.`);
  const differ = disagreements(verdicts);
  if (differ.length > 0) lines.push(`The lenses disagree on ${listOf(differ)}. ${WHY_LENSES_DIFFER}`);
  else if (rest.length > 0) lines.push('Every lens gives each scenario the same verdict.');
  const undecided = rest.some((s) => verdicts.shown.some((l) => verdictLabel(s.lenses[l.lens]) === 'no verdict'));
  if (undecided) lines.push(`"No verdict" means some change cannot be told from no change with ${n} replications (its 95% interval contains zero); more replications (-r) narrow the intervals.`);
  return lines;
}

const verb = (names: string[], one: string, many: string) => `${listOf(names)} ${names.length === 1 ? one : many}`;

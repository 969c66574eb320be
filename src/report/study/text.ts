/**
 * A study's answers in plain words, generated from its cells (nothing typed
 * in): per lens the counts of game types and of indeterminate cells, where
 * mutual cooperation is a Nash equilibrium, where competition wastes (mutual
 * competition an equilibrium although mutual cooperation would pay both more),
 * where cooperation pays both, and where each type holds; then where the
 * officials' game and the residents' differ. Output is Markdown-ish text
 * (headings and bullets); the HTML report escapes it line by line.
 */
import { GAME_TYPE_LABELS } from '../common/game-types.js';
import { LENS_NAMES, cellTypeText } from './charts.js';
import type { StudyJsonFile } from '../../results/study-format.js';

export interface StudyTextCell {
  panel: string;
  x: number | string | boolean;
  y: number | string | boolean;
  lens: string;
  type: string;
  cooperationEquilibrium: boolean;
  cooperationEquilibriumSure: boolean;
  competitionEquilibrium: boolean;
  cooperationPaysBoth: 'yes' | 'no' | 'unclear';
  players?: { region: string; type: string }[];
}

export interface StudyTextInfo {
  x: { path: string; label: string; values: (number | string | boolean)[] };
  panels: { path: string; label: string; values: (number | string | boolean)[] }[];
  lenses: string[];
}

const typeName = (t: string) => GAME_TYPE_LABELS[t] ?? t;
/** A cell's type in words; an asymmetric game with each government's own type. */
const typeWords = (c: StudyTextCell) =>
  c.type === 'asymmetric' && c.players && c.players.length > 0 ? `Asymmetric (${c.players.map((p) => `${p.region} ${typeName(p.type).toLowerCase()}`).join(', ')})` : typeName(c.type);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (n: number, of: number) => `${of > 0 ? Math.round((100 * n) / of) : 0}%`;

/** Where a set of cells lies, grouped by panel and lever value: "leverage 2 (volatility all), leverage 1 (volatility 0.06, 0.08)". */
export function describeCells(cells: StudyTextCell[], info: StudyTextInfo): string {
  if (cells.length === 0) return 'nowhere in the study';
  const parts: string[] = [];
  for (const panel of info.panels)
    for (const y of panel.values) {
      const xs = info.x.values.filter((x) => cells.some((c) => c.panel === panel.path && c.y === y && c.x === x));
      if (xs.length === 0) continue;
      parts.push(`${panel.label} ${y} (${info.x.label} ${xs.length === info.x.values.length ? 'all' : xs.join(', ')})`);
    }
  return parts.join('; ');
}

/** The lever values of one panel at which a condition holds at every x, at some x, or at none. */
function byLever(cells: StudyTextCell[], info: StudyTextInfo, panel: StudyTextInfo['panels'][number]): string {
  const all = panel.values.filter((y) => info.x.values.every((x) => cells.some((c) => c.panel === panel.path && c.y === y && c.x === x)));
  const some = panel.values.filter((y) => !all.includes(y) && cells.some((c) => c.panel === panel.path && c.y === y));
  if (all.length === 0 && some.length === 0) return `${panel.label}: at none of ${panel.values.join(', ')}`;
  const words = [];
  if (all.length > 0) words.push(`at ${all.join(', ')} for every ${info.x.label}`);
  if (some.length > 0) words.push(`at ${some.map((y) => `${y} (${info.x.label} ${info.x.values.filter((x) => cells.some((c) => c.panel === panel.path && c.y === y && c.x === x)).join(', ')})`).join(', ')}`);
  return `${panel.label}: ${words.join('; ')}`;
}

/** Counts of each type among the cells, most frequent first. */
export function typeCounts(cells: StudyTextCell[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export function studySummaryLines(cells: StudyTextCell[], info: StudyTextInfo): string[] {
  const lines: string[] = [];
  for (const lens of info.lenses) {
    const mine = cells.filter((c) => c.lens === lens);
    const n = mine.length;
    const indeterminate = mine.filter((c) => c.type === 'indeterminate').length;
    const coop = mine.filter((c) => c.cooperationEquilibrium);
    const wastes = mine.filter((c) => c.competitionEquilibrium && c.cooperationPaysBoth === 'yes');
    const pays = mine.filter((c) => c.cooperationPaysBoth === 'yes');
    lines.push(`### ${LENS_NAMES[lens] ?? lens} lens (${plural(n, 'cell')})`, '');
    lines.push(`- Game types: ${typeCounts(mine).map((t) => `${typeName(t.type)} ${t.count}`).join(', ')}. Indeterminate: ${indeterminate} of ${n} cells (${percent(indeterminate, n)}).`);
    lines.push(
      `- Cooperation is an equilibrium (mutual cooperation a pure Nash equilibrium) in ${coop.length} of ${n} cells (${coop.filter((c) => c.cooperationEquilibriumSure).length} of them beyond the sampling error): ${describeCells(coop, info)}.`,
    );
    if (coop.length > 0) lines.push(`- Fund designs that make cooperation an equilibrium, lever by lever: ${info.panels.map((p) => byLever(coop, info, p)).join('. ')}.`);
    lines.push(
      `- Competition wastes (mutual competition is an equilibrium although mutual cooperation would pay both governments more, beyond the sampling error) in ${wastes.length} of ${n} cells: ${describeCells(wastes, info)}.`,
    );
    lines.push(`- Cooperation pays both (mutual cooperation better for both governments than mutual competition, beyond the sampling error) in ${pays.length} of ${n} cells: ${describeCells(pays, info)}.`);
    const costs = mine.filter((c) => c.cooperationPaysBoth === 'no');
    lines.push(`- Mutual cooperation pays at least one government less than mutual competition in ${costs.length} of ${n} cells.`);
    const words = new Map<string, StudyTextCell[]>();
    for (const c of mine) words.set(typeWords(c), [...(words.get(typeWords(c)) ?? []), c]);
    for (const [w, list] of [...words].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) lines.push(`- ${w}, ${list.length} cells: ${describeCells(list, info)}.`);
    lines.push('');
  }
  if (info.lenses.length >= 2) {
    const [a, b] = info.lenses;
    const key = (c: StudyTextCell) => `${c.panel}|${String(c.y)}|${String(c.x)}`;
    const other = new Map(cells.filter((c) => c.lens === b).map((c) => [key(c), c]));
    const first = cells.filter((c) => c.lens === a);
    const differ = first.filter((c) => other.has(key(c)) && other.get(key(c))!.type !== c.type);
    const onlyA = first.filter((c) => c.cooperationEquilibrium && other.get(key(c))?.cooperationEquilibrium === false);
    const onlyB = first.filter((c) => !c.cooperationEquilibrium && other.get(key(c))?.cooperationEquilibrium === true);
    const na = LENS_NAMES[a] ?? a;
    lines.push(`### ${na} against ${b}`, '');
    lines.push(`- The two lenses name different game types in ${differ.length} of ${first.length} cells.`);
    lines.push(`- Cooperation is an equilibrium in the ${a} lens but not in the ${b} lens in ${onlyA.length} cells: ${describeCells(onlyA, info)}.`);
    lines.push(`- Cooperation is an equilibrium in the ${b} lens but not in the ${a} lens in ${onlyB.length} cells: ${describeCells(onlyB, info)}.`);
    lines.push('');
  }
  return lines;
}

/** One lever's grid in one lens: rows are lever values, columns x values, cells the game type (★ where cooperation is an equilibrium). */
export function typeGrid(data: StudyJsonFile, panel: StudyJsonFile['panels'][number], lens: string): { header: string[]; rows: string[][] } {
  const header = [`${panel.label} \\ ${data.x.label}`, ...data.x.values.map(String)];
  const rows = panel.values.map((y) => [
    String(y),
    ...data.x.values.map((x) => {
      const c = data.cells.find((q) => q.panel === panel.path && q.lens === lens && q.y === y && q.x === x);
      if (!c) return '';
      const name = cellTypeText(c.type, c.players);
      return `${c.type === 'indeterminate' ? `${name} (${cellTypeText(c.likely, c.players)}?)` : name}${c.cooperationEquilibrium ? ' ★' : ''}`;
    }),
  ]);
  return { header, rows };
}

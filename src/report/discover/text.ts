/**
 * The findings of a scenario discovery in plain words, for the terminal,
 * summary.md and report.html alike:
 *
 *   "Box 1: both regions gain in welfare ... in 87% of runs when
 *    fund.leverage <= 0.8 and policy.reinvestment >= 1.2, covering 61% of such
 *    runs (120 of 400 runs, 30% of all; quasi-p: fund.leverage <= 0.8: 2e-9, ...)."
 */
import type { DiscoverBox, DiscoverFile } from '../../results/discover-format.js';

export const percent = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : 'n/a');

/** A p-value in two significant digits, or "< 1e-12" for the smallest. */
export const pValue = (p: number) => (!Number.isFinite(p) ? 'n/a' : p < 1e-12 ? '< 1e-12' : p >= 0.01 ? p.toFixed(2) : p.toExponential(1));

/** The condition starting a sentence: a preset's words with a capital, a condition's own text ("<text> holds") as typed. */
const opening = (file: DiscoverFile) => {
  const words = file.condition.words;
  return words === `${file.condition.text.trim().replace(/\s+/g, ' ')} holds` ? words : words.charAt(0).toUpperCase() + words.slice(1);
};

/** Each restriction with its quasi-p-value, in the box's description order. */
export function restrictionsWithP(box: DiscoverBox): { text: string; p: number }[] {
  return box.quasiP.map((q) => {
    const limit = box.limits.find((l) => l.dimension === q.dimension);
    let text = q.dimension;
    if (limit?.kind === 'numeric') text = q.side === 'lower' ? `${q.dimension} >= ${Number(limit.lo.toPrecision(4))}` : `${q.dimension} <= ${Number(limit.hi.toPrecision(4))}`;
    else if (limit?.kind === 'categorical') text = `${q.dimension} in {${limit.allowed.join(', ')}}`;
    return { text, p: q.p };
  });
}

/** The base rate: how many runs meet the condition at all. */
export function overallSentence(file: DiscoverFile): string {
  const partial = file.source.usedPoints < file.source.plannedPoints ? ` (${file.source.usedPoints} of the ${file.source.plannedPoints} planned points are finished; only they are used)` : '';
  return `${opening(file)} in ${percent(file.cases / file.rows)} of all ${file.rows} runs (${file.cases})${partial}.`;
}

export function boxSentence(file: DiscoverFile, box: DiscoverBox): string {
  const words = box.index === 1 ? opening(file) : file.condition.words;
  if (box.description.length === 0) return `Box ${box.index}: no restriction of the ${file.dimensions.length} swept parameter${file.dimensions.length === 1 ? '' : 's'} does better than all ${box.inPlay.rows} runs left, where ${file.condition.words} in ${percent(box.density)}.`;
  const covering = box.index === 1 ? `covering ${percent(box.coverage)} of such runs` : `covering ${percent(box.coverageOfAll)} of such runs, ${percent(box.coverage)} of those the earlier boxes left`;
  const qp = restrictionsWithP(box)
    .map((r) => `${r.text}: p = ${pValue(r.p)}`)
    .join('; ');
  const weak = restrictionsWithP(box).filter((r) => r.p > 0.05);
  const caution = weak.length > 0 ? ` ${weak.map((r) => r.text).join(' and ')} add${weak.length === 1 ? 's' : ''} little (quasi-p above 0.05).` : '';
  return `Box ${box.index}: ${box.index === 1 ? '' : 'also '}${words} in ${percent(box.density)} of runs when ${box.description.join(' and ')}, ${covering} (${box.cases} of the ${box.rows} runs in the box, ${percent(box.massOfAll)} of all runs; quasi-p: ${qp}).${caution}`;
}

/** The CART leaves where the condition is more common than overall, densest first (at most `max`). */
export function cartSentences(file: DiscoverFile, max = 3): string[] {
  const base = file.cases / file.rows;
  const rules = file.cart.rules.filter((r) => r.density > base && r.cases > 0).slice(0, max);
  if (rules.length === 0) return [`CART (depth ${file.settings.maxDepth}): no leaf where ${file.condition.words} more often than overall.`];
  return rules.map((r) => `CART: ${file.condition.words} in ${percent(r.density)} of the ${r.rows} runs ${r.conditions.length > 0 ? `with ${r.conditions.join(' and ')}` : 'in all'} (${percent(r.coverage)} of such runs).`);
}

/** Everything to print after a discovery. */
export function discoverySentences(file: DiscoverFile): string[] {
  const lines = [overallSentence(file), ...file.boxes.map((b) => boxSentence(file, b))];
  if (file.stopped && file.boxes.length === 0) lines.push(`No box: ${file.stopped}.`);
  else if (file.stopped && file.boxes.length < file.settings.boxes) lines.push(`Covering stopped after ${file.boxes.length} box${file.boxes.length === 1 ? '' : 'es'}: ${file.stopped}.`);
  return [...lines, ...cartSentences(file)];
}

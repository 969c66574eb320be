/// <reference lib="dom" />
/**
 * Small DOM helpers of the explorer. Scenario files are untrusted (region names,
 * titles and descriptions are free text), so the page is built with textContent
 * only, never HTML strings.
 */

export function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A header cell of a table, column or row scope. */
export function headerCell(text: string, scope: 'col' | 'row' | '' = 'col', className = ''): HTMLTableCellElement {
  const th = textElement('th', text, className);
  if (scope) th.scope = scope;
  return th;
}

/** A number in the page's style (en-US grouping, fixed digits; a dash for a non-finite value). */
export const fmt = (v: number, digits = 0): string =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

/**
 * A scenario's note on illustrative numbers (its `illustrative` field: which
 * of its figures are plausible rather than statistics), shown wherever its
 * results are: in every report.html and in the run and compare terminal
 * output. The note is scenario text, so it is escaped for HTML and stripped of
 * control characters for the terminal.
 */
import { escapeHtml } from './html.js';

export interface IllustrativeNote {
  /** Scenarios the note belongs to (several when they share it, e.g. through `extends`). */
  scenarios: string[];
  text: string;
}

/** The distinct notes of some scenarios, in scenario order; scenarios without a note are left out. */
export function illustrativeNotes(scenarios: readonly { name: string; illustrative?: unknown }[]): IllustrativeNote[] {
  const notes: IllustrativeNote[] = [];
  for (const s of scenarios) {
    const text = typeof s.illustrative === 'string' ? s.illustrative.replace(/\s+/g, ' ').trim() : '';
    if (!text) continue;
    const same = notes.find((n) => n.text === text);
    if (same) {
      if (!same.scenarios.includes(s.name)) same.scenarios.push(s.name);
    } else notes.push({ scenarios: [s.name], text });
  }
  return notes;
}

/** "Illustrative numbers (baseline, cooperate): ..." - the names only when the notes differ between scenarios. */
function lead(note: IllustrativeNote, count: number): string {
  return count > 1 ? `Illustrative numbers (${note.scenarios.join(', ')}):` : 'Illustrative numbers:';
}

const STYLE = 'max-width: 85ch; margin: 8px 0; padding: 6px 10px; background: #fff6e0; border-left: 3px solid #E69F00; color: #4a3a10;';

/** One note paragraph per distinct note (empty when there is none); styled inline so pages without a note are unchanged. */
export function illustrativeHtml(notes: readonly IllustrativeNote[]): string {
  return notes.map((n) => `<p class="illustrative" role="note" style="${STYLE}"><strong>${escapeHtml(lead(n, notes.length))}</strong> ${escapeHtml(n.text)}</p>`).join('\n');
}

/** Scenario text for a terminal: control characters (escape sequences among them) removed. */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** The notes as terminal lines. */
export function illustrativeLines(notes: readonly IllustrativeNote[]): string[] {
  return notes.map((n) => terminalText(`${lead(n, notes.length)} ${n.text}`));
}

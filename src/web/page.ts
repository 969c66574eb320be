/// <reference lib="dom" />
/**
 * What every tab of the explorer shares on the page: element lookup, the
 * status line and the error box, the labels of the government choices, and
 * drawing a Vega-Lite chart into a box. No state of its own.
 */
import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { GOVERNMENT_CHOICES } from './settings.js';

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function setError(message: string | null): void {
  const el = $('error');
  el.hidden = message === null;
  el.textContent = message ?? '';
}

export function setStatus(message: string): void {
  $('status').textContent = message;
}

export const CHOICE_LABELS: Record<string, string> = {
  invest: 'Invest (own plan)',
  compete: 'Compete (chase, poach, cut taxes)',
  cooperate: 'Cooperate (joint fund)',
  'tit-for-tat': 'Rule: tit-for-tat',
  grim: 'Rule: grim trigger',
  'win-stay-lose-shift': 'Rule: win-stay, lose-shift',
  imitate: 'Rule: imitate the better one',
  'best-response': 'Rule: best response (learns)',
  reinforcement: 'Rule: reinforcement learning',
};

/** The options of a select of government choices (strategies and rules), labelled. */
export function choiceOptions(): HTMLOptionElement[] {
  return GOVERNMENT_CHOICES.map((choice) => {
    const o = document.createElement('option');
    o.value = choice;
    o.textContent = CHOICE_LABELS[choice] ?? choice;
    return o;
  });
}

/** Draws a spec into the element `id` as SVG, labelled for screen readers by the spec's description. */
export async function showChart(id: string, spec: TopLevelSpec): Promise<void> {
  await embed(`#${id}`, spec, { actions: false, renderer: 'svg' });
  const svg = document.querySelector(`#${id} svg`);
  const description = (spec as { description?: string }).description;
  if (svg && description) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', description);
  }
}

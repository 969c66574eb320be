/**
 * The chart of a study panel: the phase diagram of the cooperate-vs-compete
 * game over the x axis (e.g. demand volatility) and one lever, one panel per
 * lens side by side, so the officials' game and the residents' game can be
 * read against each other. Colours are the game-type colours of `chuanyu game`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';
import type { ExperimentChart } from '../common/write-charts.js';
import { panelSlug } from '../../results/study-format.js';
import type { StudyData } from './read.js';
import { typeCounts } from './text.js';
import { topLevel } from '../common/chart-spec.js';
import { GAME_TYPE_COLOURS, GAME_TYPE_LABELS } from '../common/game-types.js';

/** What the chart needs of a cell (study.json's cells). */
export interface StudyChartCell {
  x: number | string | boolean;
  y: number | string | boolean;
  lens: string;
  type: string;
  likely: string;
  cooperationEquilibrium: boolean;
  cooperationEquilibriumSure: boolean;
  players?: { region: string; type: string }[];
}

export const LENS_NAMES: Record<string, string> = { objective: "Officials' objective", welfare: 'Welfare (residents)', gdp: 'GDP', fiscal: 'Fiscal balance' };

const label = (type: string) => GAME_TYPE_LABELS[type] ?? type;
const SHORT: Record<string, string> = { 'prisoners-dilemma': 'PD', 'stag-hunt': 'Stag hunt' };

/** A cell's type in a few words: an asymmetric game names each government's own type ("Deadlock / PD", regions in order). */
export function cellTypeText(type: string, players: { type: string }[] = []): string {
  return type === 'asymmetric' && players.length > 0 ? players.map((p) => SHORT[p.type] ?? label(p.type)).join(' / ') : label(type);
}

/** Game type per (x, lever) cell, one panel per lens; "★ coop NE" where mutual cooperation is a Nash equilibrium. */
export function studyPhaseChart(cells: StudyChartCell[], axes: { x: string; y: string; lenses: string[]; replications: number; types: string[]; regions: string[] }): TopLevelSpec {
  const values = cells.map((c) => ({
    x: c.x,
    y: c.y,
    lens: LENS_NAMES[c.lens] ?? c.lens,
    type: label(c.type),
    likely: c.type === 'indeterminate' ? `(${cellTypeText(c.likely, c.players)}?)` : cellTypeText(c.likely, c.players),
    mark: c.cooperationEquilibrium ? (c.cooperationEquilibriumSure ? '★ coop NE' : '☆ coop NE?') : '',
  }));
  const domain = axes.types.map(label);
  const nx = new Set(values.map((v) => String(v.x))).size;
  const ny = new Set(values.map((v) => String(v.y))).size;
  return topLevel(
    `Which game? ${axes.y} against ${axes.x}`,
    `Type of the cooperate-vs-compete game in each cell, from its payoff matrix estimated with ${axes.replications} replications a profile (common random numbers), in each lens. "Indeterminate": a payoff gap that decides the type is within its 95% sampling error (the type on the means in brackets). An asymmetric game names each government's own type, ${axes.regions.join(' / ')}. ★: mutual cooperation is a Nash equilibrium (☆ ... ?: on the means, not beyond the sampling error).`,
    {
      data: { values },
      facet: { column: { field: 'lens', type: 'nominal', title: null, sort: axes.lenses.map((l) => LENS_NAMES[l] ?? l), header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
      spec: {
        width: Math.max(260, 100 * nx),
        height: Math.max(140, 46 * ny),
        encoding: {
          x: { field: 'x', type: 'ordinal', title: axes.x, axis: { labelAngle: 0 } },
          y: { field: 'y', type: 'ordinal', title: axes.y, sort: 'descending' },
        },
        layer: [
          { mark: { type: 'rect', stroke: '#ffffff' }, encoding: { color: { field: 'type', type: 'nominal', title: 'Game type', scale: { domain, range: domain.map((t) => GAME_TYPE_COLOURS[t] ?? '#999999') } } } },
          { mark: { type: 'text', fontSize: 9, dy: -6 }, encoding: { text: { field: 'likely' }, color: { value: '#000000' } } },
          { mark: { type: 'text', fontSize: 9, dy: 8, fontWeight: 'bold' }, encoding: { text: { field: 'mark' }, color: { value: '#000000' } } },
        ],
      },
    },
  );
}

/**
 * Every chart of a study report, in report order: one entry a lever (panel)
 * of the study file, each a phase diagram per lens side by side. A panel
 * always has cells, so no entry is ever skipped.
 */
export function studyChartList(study: StudyData): ChartEntry<StudyData>[] {
  const { data } = study;
  const types = typeCounts(data.cells).map((t) => t.type);
  return data.panels.map((panel) => ({
    name: `which-game-${panelSlug(panel.path)}`,
    heading: `${panel.label} against ${data.x.label}`,
    caption: `${panel.note ? panel.note + ' ' : ''}One panel per lens: compare the officials' game with the residents' at the same cell.`,
    build: () => studyPhaseChart(data.cells.filter((c) => c.panel === panel.path), { x: data.x.label, y: panel.label, lenses: data.lenses, replications: data.replications, types, regions: data.regions }),
    skipped: 'never: every lever of the study has cells.',
  }));
}

export const studyCharts = (study: StudyData): ExperimentChart[] => drawnCharts(studyChartList(study), study);

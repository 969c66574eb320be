/// <reference lib="dom" />
/**
 * The Play tab: the student plays one government year by year against the
 * other's rule (a PlaySession in the worker), can hand the remaining years to
 * a rule, and has the moves scored over several replications. The game in
 * progress is this tab's own state, not the page's.
 */
import { STRATEGIES, type ModelConfig, type Strategy } from '../model/config.js';
import { deepMerge } from '../scenario/merge.js';
import { outcomeLabel, playPathChart, strategyChart } from './charts.js';
import { fmt } from './dom.js';
import { $, choiceOptions, setError, showChart } from './page.js';
import { HANDOVER_CHOICES, HANDOVER_LABELS, isHandoverChoice } from './play-rules.js';
import { PLAY_SCORE_REPLICATIONS } from './play-score.js';
import { buildScenario } from './scenarios.js';
import { renderScore } from './score-panel.js';
import { isGovernmentChoice, strategySpec } from './settings.js';
import type { PlayYear } from './sim-core.js';
import { currentRunOrError, type ExplorerState } from './state.js';
import { CancelledError, type WorkerClient } from './worker-client.js';

export interface PlayTab {
  /** The scenario changed: refill the region select (a game in progress stays as it was). */
  refresh(): void;
}

/** A game in progress. */
interface PlayGame {
  config: ModelConfig;
  /** The built scenario the game started from: hand-over rules are normalized against it. */
  raw: Record<string, unknown>;
  /** The student's region index. */
  student: number;
  years: PlayYear[];
}

/** A government's rule for `choice`, normalized through the schema like any scenario field. */
function ruleFor(raw: Record<string, unknown>, regionId: string, choice: Parameters<typeof strategySpec>[0], region: number) {
  return buildScenario(deepMerge<Record<string, unknown>>(raw, { governments: { [regionId]: { strategy: strategySpec(choice) } } })).config.governments[region].rule;
}

function setMoveButtons(enabled: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('.move').forEach((b) => (b.disabled = !enabled));
  $<HTMLButtonElement>('play-rule-go').disabled = !enabled;
  $<HTMLSelectElement>('play-rule').disabled = !enabled;
}

function renderTable(game: PlayGame): void {
  const regions = game.config.regions;
  const me = regions[game.student].name;
  const them = regions[1 - game.student].name;
  const head = $('play-table').querySelector('thead')!;
  const hr = document.createElement('tr');
  for (const h of ['Year', `${me} (you)`, them, `Your payoff`, `${them} payoff`, 'Your total', `${them} total`, 'Similarity', 'Clusters', 'Position'])
    hr.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: h }));
  head.replaceChildren(hr);
  const o = 1 - game.student;
  $('play-table').querySelector('tbody')!.replaceChildren(
    ...game.years.map((p) => {
      const tr = document.createElement('tr');
      const cells = [
        String(p.year),
        p.strategies[game.student],
        p.strategies[o],
        fmt(p.payoff[game.student], 1),
        fmt(p.payoff[o], 1),
        fmt(p.cumulativePayoff[game.student], 1),
        fmt(p.cumulativePayoff[o], 1),
        p.similarity.toFixed(3),
        `${p.clusters[game.student]} / ${p.clusters[o]}`,
        outcomeLabel(p.outcome),
      ];
      cells.forEach((c, i) => tr.append(Object.assign(document.createElement('td'), { textContent: c, className: i === 1 || i === 2 || i === 9 ? 'text' : '' })));
      return tr;
    }),
  );
}

function renderPlay(game: PlayGame): void {
  const regions = game.config.regions;
  const me = regions[game.student].name;
  const them = regions[1 - game.student].name;
  const y = game.years.length;
  const steps = game.config.steps;
  $('play-turn').textContent =
    y >= steps ? `Game over after ${y} years.` : `Year ${game.config.startYear + y} (${y + 1} of ${steps}): you are ${me}; ${them} plays its rule. Choose your move.`;
  $('play-board').dataset.years = String(y);
  renderTable(game);
  if (y === 0) {
    $('chart-play').replaceChildren();
    $('chart-play-strategies').replaceChildren();
    return;
  }
  const rows = [`${me} (you)`, them];
  const cells = game.years.flatMap((p) => [
    { row: rows[0], year: p.year, strategy: p.strategies[game.student] },
    { row: rows[1], year: p.year, strategy: p.strategies[1 - game.student] },
  ]);
  void showChart('chart-play-strategies', strategyChart(cells, rows, 'Strategies, year by year'));
  void showChart('chart-play', playPathChart(regions, game.years.map((p) => ({ year: p.year, x: p.change[0], y: p.change[1], outcome: p.outcome }))));
}

export function createPlayTab(state: ExplorerState, worker: WorkerClient): PlayTab {
  let game: PlayGame | null = null;
  const unfinished = () => !!game && game.years.length < game.config.steps;

  async function start(): Promise<void> {
    const current = currentRunOrError(state, setError);
    if (!current || current.config.regions.length !== 2) return;
    const student = Number($<HTMLSelectElement>('play-region').value) || 0;
    const opponentChoice = $<HTMLSelectElement>('play-opponent').value;
    if (!isGovernmentChoice(opponentChoice)) return;
    // The other government's rule, normalized through the schema like any scenario field.
    const other = current.config.regions[1 - student].id;
    const raw = deepMerge<Record<string, unknown>>(current.built.raw, { governments: { [other]: { strategy: strategySpec(opponentChoice) } } });
    const config = buildScenario(raw).config;
    game = { config, raw, student, years: [] };
    worker.restart();
    $('play-score').replaceChildren();
    $('play-progress').textContent = '';
    await worker.request({ type: 'play-start', config, student, seed: current.seed });
    $('play-board').hidden = false;
    renderPlay(game);
    setMoveButtons(true);
    (document.querySelector('.move') as HTMLButtonElement).focus();
  }

  async function move(strategy: Strategy): Promise<void> {
    const g = game;
    if (!g || g.years.length >= g.config.steps) return;
    setMoveButtons(false);
    try {
      const response = await worker.request({ type: 'play-step', strategy });
      g.years.push(response.year);
      renderPlay(g);
      if (response.done) await score();
    } catch (e) {
      if (!(e instanceof CancelledError)) setError((e as Error).message);
    } finally {
      setMoveButtons(unfinished());
    }
  }

  /** Hands the remaining years to the chosen rule, finishes the game in the worker and scores it. */
  async function playRest(): Promise<void> {
    const g = game;
    if (!g || g.years.length >= g.config.steps) return;
    const choice = $<HTMLSelectElement>('play-rule').value;
    if (!isHandoverChoice(choice)) return;
    const rule = ruleFor(g.raw, g.config.regions[g.student].id, choice, g.student);
    setMoveButtons(false);
    const progress = $('play-progress');
    progress.textContent = `Playing the remaining ${g.config.steps - g.years.length} years with ${HANDOVER_LABELS[choice]}…`;
    try {
      const response = await worker.request({ type: 'play-auto', rule }, (done, total) => {
        progress.textContent = `Playing the remaining years with ${HANDOVER_LABELS[choice]}: ${done} of ${total}…`;
      });
      g.years.push(...response.years);
      renderPlay(g);
      await score();
    } catch (e) {
      if (!(e instanceof CancelledError)) setError((e as Error).message);
    } finally {
      setMoveButtons(unfinished());
    }
  }

  /** Replays the moves so far over PLAY_SCORE_REPLICATIONS replications in the worker, with progress. */
  async function score(): Promise<void> {
    const g = game;
    if (!g) return;
    const progress = $('play-progress');
    const years = g.years.length;
    progress.textContent = `Scoring your ${years} years over ${PLAY_SCORE_REPLICATIONS} replications…`;
    $('play-score').replaceChildren();
    const response = await worker.request({ type: 'play-score', replications: PLAY_SCORE_REPLICATIONS }, (done, total) => {
      progress.textContent = `Scoring your ${years} years: replication ${done} of ${total} done (your moves, mutual cooperation and mutual competition each)…`;
    });
    progress.textContent = `Scored over ${response.score.replications} replications.`;
    $('play-score').replaceChildren(renderScore(response.score, g.config.regions));
  }

  function refresh(): void {
    const regions = state.base.scenario.regions;
    const regionSelect = $<HTMLSelectElement>('play-region');
    const keep = regionSelect.value;
    regionSelect.replaceChildren(
      ...regions.map((r, i) => {
        const o = document.createElement('option');
        o.value = String(i);
        o.textContent = r.name;
        return o;
      }),
    );
    if (keep && Number(keep) < regions.length) regionSelect.value = keep;
    const two = regions.length === 2;
    $<HTMLButtonElement>('play-start').disabled = !two;
    if (!two) $('play-turn').textContent = 'Play mode and the game view need a scenario with two regions.';
  }

  const opponent = $<HTMLSelectElement>('play-opponent');
  opponent.append(...choiceOptions());
  opponent.value = 'tit-for-tat';
  $<HTMLSelectElement>('play-rule').append(
    ...HANDOVER_CHOICES.map((choice) => Object.assign(document.createElement('option'), { value: choice, textContent: HANDOVER_LABELS[choice] })),
  );
  $('play-start').addEventListener('click', () => void start());
  document.querySelectorAll<HTMLButtonElement>('.move').forEach((b) =>
    b.addEventListener('click', () => {
      const m = b.dataset.move;
      if ((STRATEGIES as readonly string[]).includes(m ?? '')) void move(m as Strategy);
    }),
  );
  $('play-score-now').addEventListener('click', () => {
    if (game && game.years.length > 0)
      void score().catch((e: unknown) => {
        if (!(e instanceof CancelledError)) setError((e as Error).message);
      });
  });
  $('play-rule-go').addEventListener('click', () => void playRest());
  return { refresh };
}

/// <reference lib="dom" />
/**
 * The explorer page: controls, URL state, live runs in a Web Worker, charts,
 * play mode, the 2x2 game view, scenario export and import.
 */
import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { STRATEGIES, type ModelConfig, type Strategy } from '../model/config.js';
import { deepMerge } from '../scenario/merge.js';
import { duplicatedChart, outcomeLabel, runStrategyCells, similarityChart, strategyChart, valueAddedChart, winWinChart } from './charts.js';
import { fmt, textElement } from './dom.js';
import { markGameStale, renderLensGames } from './game-panel.js';
import { lensGames } from './game-view.js';
import { HANDOVER_CHOICES, HANDOVER_LABELS, isHandoverChoice } from './play-rules.js';
import { PLAY_SCORE_REPLICATIONS } from './play-score.js';
import { renderScore } from './score-panel.js';
import type { ExplorerResult, PlayYear } from './sim-core.js';
import { MAX_SOURCE_BYTES } from '../scenario/parse.js';
import { messages, UserError } from '../scenario/errors.js';
import { buildScenario, loadScenarioText, SHIPPED_SCENARIOS, type BrowserScenario, type LibraryEntry } from './scenarios.js';
import {
  decodeSettings,
  describeSettings,
  effectiveNumbers,
  emptySettings,
  encodeSettings,
  exportScenarioYaml,
  exportName,
  GOVERNMENT_CHOICES,
  governmentChoiceOf,
  isGovernmentChoice,
  NUMERIC_LEVERS,
  overrideFields,
  strategySpec,
  type Settings,
} from './settings.js';
import { CancelledError, WorkerClient } from './worker-client.js';
import { LENS_LABELS, lensVerdict } from '../experiment/verdict.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const newWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const explorer = new WorkerClient(newWorker);
const gameWorker = new WorkerClient(newWorker);
const playWorker = new WorkerClient(newWorker);
/** Reads scenario files from disk: a hostile file costs this worker, never the page. */
const fileWorker = new WorkerClient(newWorker);
/** A file still being read after this long is abandoned (its worker terminated). */
const FILE_TIMEOUT_MS = 20_000;

const CHOICE_LABELS: Record<string, string> = {
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

/**
 * Scenarios by name: the shipped ones as text, files loaded from disk as the value the
 * worker parsed and checked. No prototype, so a name like `toString` is just a missing key.
 */
const library: Record<string, LibraryEntry> = Object.assign(Object.create(null) as Record<string, LibraryEntry>, SHIPPED_SCENARIOS);
const uploaded = new Set<string>();
let settings: Settings = emptySettings('baseline');
let base: BrowserScenario;
let current: { config: ModelConfig; seed: number; replications: number } | null = null;
let runCount = 0;

/** Bumped by every change of the settings: a game matrix remembers the version it was computed for. */
let settingsVersion = 0;
let gameVersion: number | null = null;

function setError(message: string | null): void {
  const el = $('error');
  el.hidden = message === null;
  el.textContent = message ?? '';
}
function setStatus(message: string): void {
  $('status').textContent = message;
}

// ---- scenario and controls ---------------------------------------------------------------------

function fillScenarioSelect(): void {
  const select = $<HTMLSelectElement>('scenario');
  select.replaceChildren(
    ...Object.keys(library).map((name) => {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = uploaded.has(name) ? `${name} (from file)` : name;
      return o;
    }),
  );
  select.value = settings.scenario;
}

function loadBase(name: string): void {
  const text = library[name];
  if (text === undefined) throw new Error(`no scenario named "${name}"`);
  base = loadScenarioText(text, name, library);
}

function renderControls(): void {
  const scenario = base.scenario;
  $('scenario-title').textContent = scenario.title || scenario.name;
  $('scenario-description').textContent = describeSettings(settings, scenario);
  const govs = $('governments');
  govs.querySelectorAll('.lever').forEach((n) => n.remove());
  for (const region of scenario.regions) {
    const wrap = document.createElement('div');
    wrap.className = 'lever';
    const id = `gov-${region.id}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = `${region.name}: strategy or rule`;
    const select = document.createElement('select');
    select.id = id;
    select.dataset.region = region.id;
    for (const choice of GOVERNMENT_CHOICES) {
      const o = document.createElement('option');
      o.value = choice;
      o.textContent = CHOICE_LABELS[choice] ?? choice;
      select.append(o);
    }
    select.value = settings.governments[region.id] ?? governmentChoiceOf(scenario, region.id);
    select.addEventListener('change', () => {
      const v = select.value;
      if (!isGovernmentChoice(v)) return;
      if (v === governmentChoiceOf(base.scenario, region.id)) delete settings.governments[region.id];
      else settings.governments[region.id] = v;
      changed();
    });
    wrap.append(label, select);
    govs.append(wrap);
  }
  const fund = $<HTMLInputElement>('fund-enabled');
  fund.checked = settings.fund ?? scenario.fund.enabled;
  const levers = $('levers');
  levers.querySelectorAll('.lever').forEach((n) => n.remove());
  const numbers = effectiveNumbers(settings, scenario);
  for (const lever of NUMERIC_LEVERS) {
    const wrap = document.createElement('div');
    wrap.className = 'lever';
    const id = `lever-${lever.key}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    const out = document.createElement('output');
    out.htmlFor.add(id);
    out.id = `${id}-value`;
    label.append(`${lever.label}: `, out);
    const input = document.createElement('input');
    input.type = 'range';
    input.id = id;
    input.name = lever.key;
    input.min = String(lever.min);
    input.max = String(lever.max);
    input.step = String(lever.step);
    const value = numbers[lever.key];
    input.value = String(value);
    out.textContent = String(value);
    const help = document.createElement('span');
    help.className = 'help';
    help.id = `${id}-help`;
    help.textContent = lever.help;
    input.setAttribute('aria-describedby', help.id);
    wrap.classList.toggle('moved', settings.numbers[lever.key] !== undefined);
    input.addEventListener('input', () => {
      const v = Number(input.value);
      out.textContent = input.value;
      settings.numbers[lever.key] = v;
      wrap.classList.add('moved');
      changed();
    });
    wrap.append(label, input, help);
    levers.append(wrap);
  }
  fillPlaySelects();
}

/** The config of the current settings (validated), or null with the problem shown. */
function currentConfig(): { config: ModelConfig; seed: number; replications: number; built: BrowserScenario } | null {
  try {
    const raw = deepMerge<Record<string, unknown>>(base.raw, overrideFields(settings, base.scenario));
    const built = buildScenario(raw);
    setError(null);
    return { config: built.config, seed: built.scenario.seed, replications: Math.min(10, built.scenario.replications), built };
  } catch (e) {
    setError((e as Error).message);
    return null;
  }
}

function updateUrl(): void {
  const query = encodeSettings(settings);
  const url = `${location.pathname}?${query}`;
  history.replaceState(null, '', url);
  $<HTMLInputElement>('share-url').value = new URL(url, location.href).href;
}

// ---- live runs ----------------------------------------------------------------------------------

let debounce: ReturnType<typeof setTimeout> | undefined;

function changed(): void {
  updateUrl();
  settingsVersion += 1;
  $('scenario-description').textContent = describeSettings(settings, base.scenario);
  // A matrix of other settings must not pass for the current one.
  if (gameVersion !== null) markGameStale($('game-result'), true);
  $('charts').classList.add('stale');
  clearTimeout(debounce);
  debounce = setTimeout(run, 250);
}

async function run(): Promise<void> {
  const built = currentConfig();
  if (!built) return;
  current = built;
  if (explorer.busy) explorer.restart(); // cancel the stale run
  const reps = built.replications;
  setStatus(`Running ${reps} replication${reps === 1 ? '' : 's'} of ${built.config.steps} years with ${built.config.initial.firmCount} firms…`);
  try {
    const response = await explorer.request({ type: 'run', config: built.config, seed: built.seed, replications: reps });
    await drawCharts(response.result);
    runCount += 1;
    $('charts').dataset.run = String(runCount);
    $('charts').classList.remove('stale');
    setStatus(`Done: ${reps} replication${reps === 1 ? '' : 's'} in ${(response.result.elapsedMs / 1000).toFixed(1)} s.`);
  } catch (e) {
    if (e instanceof CancelledError) return;
    setError((e as Error).message);
    setStatus('The run failed.');
  }
}

async function show(id: string, spec: TopLevelSpec): Promise<void> {
  await embed(`#${id}`, spec, { actions: false, renderer: 'svg' });
  const svg = document.querySelector(`#${id} svg`);
  const description = (spec as { description?: string }).description;
  if (svg && description) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', description);
  }
}

async function drawCharts(result: ExplorerResult): Promise<void> {
  const last = result.series.filter((p) => p.year === Math.max(...result.series.map((q) => q.year)));
  const meanSim = last.reduce((a, p) => a + p.similarity, 0) / Math.max(1, last.length);
  const outcomes = result.outcomes.map((o) => outcomeLabel(o.outcome));
  const counts = [...new Set(outcomes)].map((o) => `${o.toLowerCase()} in ${outcomes.filter((x) => x === o).length} of ${outcomes.length}`);
  // The run's verdicts as the CLI gives them: each region's 95% interval, in each lens, welfare first.
  const ids = result.regions.map((r) => r.id);
  const verdicts = (['welfare', 'gdp', 'fiscal'] as const).map((lens) => {
    const v = lensVerdict(lens, ids, ids.map((_, r) => result.outcomes.map((o) => o.lenses[lens].change[r])), result.outcomes.map((o) => o.lenses[lens].outcome));
    return `In the ${LENS_LABELS[lens]}: ${v.verdict === 'indistinguishable' ? 'no verdict' : outcomeLabel(v.verdict).toLowerCase()}: ${v.explanation}.`;
  });
  $('summary').textContent =
    `Final similarity ${meanSim.toFixed(3)}. Against everyone investing with the same seeds: ${verdicts.join(' ')} ` +
    `Replications by class (GDP lens): ${counts.join(', ')}. GDP is what the governments pursue; welfare is what their residents get.`;
  $('summary').dataset.similarity = meanSim.toFixed(6);
  const charts: [string, TopLevelSpec][] = [
    ['chart-similarity', similarityChart(result)],
    ['chart-value-added', valueAddedChart(result)],
    ['chart-duplicated', duplicatedChart(result)],
  ];
  if (result.regions.length >= 2)
    charts.push([
      'chart-winwin',
      winWinChart(result.regions, result.outcomes.map((o) => ({ label: `replication ${o.replication + 1}`, x: o.change[0], y: o.change[1], outcome: o.outcome }))),
    ]);
  const strategies = runStrategyCells(result);
  charts.push(['chart-strategies', strategyChart(strategies.cells, strategies.rows, 'Strategies over time (every replication)')]);
  await Promise.all(charts.map(([id, spec]) => show(id, spec)));
  await drawReportCharts(result);
}

/** The project's report charts (the same Vega-Lite specs as report.html), redrawn with every run. */
async function drawReportCharts(result: ExplorerResult): Promise<void> {
  const box = $('report-charts');
  box.replaceChildren(
    ...result.reportCharts.map((chart) => {
      const figure = document.createElement('figure');
      const heading = document.createElement('h3');
      heading.textContent = chart.heading;
      const div = document.createElement('div');
      div.id = `report-${chart.name}`;
      div.className = 'chart report-chart';
      const caption = document.createElement('figcaption');
      caption.textContent = chart.caption;
      figure.append(heading, div, caption);
      return figure;
    }),
  );
  await Promise.all(result.reportCharts.map((chart) => show(`report-${chart.name}`, chart.spec)));
}

// ---- play mode ----------------------------------------------------------------------------------

let playYears: PlayYear[] = [];
let playStudent = 0;
let playConfig: ModelConfig | null = null;
/** The built scenario the game started from: hand-over rules are normalized against it. */
let playRaw: Record<string, unknown> | null = null;

function fillPlaySelects(): void {
  const regionSelect = $<HTMLSelectElement>('play-region');
  const keep = regionSelect.value;
  regionSelect.replaceChildren(
    ...base.scenario.regions.map((r, i) => {
      const o = document.createElement('option');
      o.value = String(i);
      o.textContent = r.name;
      return o;
    }),
  );
  if (keep && Number(keep) < base.scenario.regions.length) regionSelect.value = keep;
  const opponent = $<HTMLSelectElement>('play-opponent');
  if (opponent.options.length === 0) {
    for (const choice of GOVERNMENT_CHOICES) {
      const o = document.createElement('option');
      o.value = choice;
      o.textContent = CHOICE_LABELS[choice] ?? choice;
      opponent.append(o);
    }
    opponent.value = 'tit-for-tat';
  }
  const rule = $<HTMLSelectElement>('play-rule');
  if (rule.options.length === 0) {
    for (const choice of HANDOVER_CHOICES) {
      const o = document.createElement('option');
      o.value = choice;
      o.textContent = HANDOVER_LABELS[choice];
      rule.append(o);
    }
  }
  const two = base.scenario.regions.length === 2;
  $<HTMLButtonElement>('play-start').disabled = !two;
  $<HTMLButtonElement>('game-run').disabled = !two;
  if (!two) $('play-turn').textContent = 'Play mode and the game view need a scenario with two regions.';
}

/** A government's rule for `choice`, normalized through the schema like any scenario field. */
function ruleFor(raw: Record<string, unknown>, regionId: string, choice: Parameters<typeof strategySpec>[0], region: number) {
  return buildScenario(deepMerge<Record<string, unknown>>(raw, { governments: { [regionId]: { strategy: strategySpec(choice) } } })).config.governments[region].rule;
}

async function startPlay(): Promise<void> {
  const built = currentConfig();
  if (!built || built.config.regions.length !== 2) return;
  playStudent = Number($<HTMLSelectElement>('play-region').value) || 0;
  const opponentChoice = $<HTMLSelectElement>('play-opponent').value;
  if (!isGovernmentChoice(opponentChoice)) return;
  // The other government's rule, normalized through the schema like any scenario field.
  const other = built.config.regions[1 - playStudent].id;
  const raw = deepMerge<Record<string, unknown>>(built.built.raw, { governments: { [other]: { strategy: strategySpec(opponentChoice) } } });
  const config = buildScenario(raw).config;
  playConfig = config;
  playRaw = raw;
  playWorker.restart();
  playYears = [];
  $('play-score').replaceChildren();
  $('play-progress').textContent = '';
  await playWorker.request({ type: 'play-start', config, student: playStudent, seed: built.seed });
  $('play-board').hidden = false;
  renderPlay();
  setMoveButtons(true);
  (document.querySelector('.move') as HTMLButtonElement).focus();
}

async function playMove(move: Strategy): Promise<void> {
  if (!playConfig || playYears.length >= playConfig.steps) return;
  setMoveButtons(false);
  try {
    const response = await playWorker.request({ type: 'play-step', strategy: move });
    playYears.push(response.year);
    renderPlay();
    if (response.done) await showScore();
  } catch (e) {
    if (!(e instanceof CancelledError)) setError((e as Error).message);
  } finally {
    setMoveButtons(!!playConfig && playYears.length < playConfig.steps);
  }
}

/** Hands the remaining years to the chosen rule, finishes the game in the worker and scores it. */
async function playRest(): Promise<void> {
  if (!playConfig || !playRaw || playYears.length >= playConfig.steps) return;
  const choice = $<HTMLSelectElement>('play-rule').value;
  if (!isHandoverChoice(choice)) return;
  const me = playConfig.regions[playStudent];
  const rule = ruleFor(playRaw, me.id, choice, playStudent);
  setMoveButtons(false);
  const progress = $('play-progress');
  progress.textContent = `Playing the remaining ${playConfig.steps - playYears.length} years with ${HANDOVER_LABELS[choice]}…`;
  try {
    const response = await playWorker.request({ type: 'play-auto', rule }, (done, total) => {
      progress.textContent = `Playing the remaining years with ${HANDOVER_LABELS[choice]}: ${done} of ${total}…`;
    });
    playYears.push(...response.years);
    renderPlay();
    await showScore();
  } catch (e) {
    if (!(e instanceof CancelledError)) setError((e as Error).message);
  } finally {
    setMoveButtons(!!playConfig && playYears.length < playConfig.steps);
  }
}

function setMoveButtons(enabled: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('.move').forEach((b) => (b.disabled = !enabled));
  $<HTMLButtonElement>('play-rule-go').disabled = !enabled;
  $<HTMLSelectElement>('play-rule').disabled = !enabled;
}

function renderPlay(): void {
  if (!playConfig) return;
  const regions = playConfig.regions;
  const me = regions[playStudent].name;
  const them = regions[1 - playStudent].name;
  const y = playYears.length;
  const nextYear = playConfig.startYear + y;
  $('play-turn').textContent =
    y >= playConfig.steps ? `Game over after ${y} years.` : `Year ${nextYear} (${y + 1} of ${playConfig.steps}): you are ${me}; ${them} plays its rule. Choose your move.`;
  $('play-board').dataset.years = String(y);
  const head = $('play-table').querySelector('thead')!;
  const hr = document.createElement('tr');
  for (const h of ['Year', `${me} (you)`, them, `Your payoff`, `${them} payoff`, 'Your total', `${them} total`, 'Similarity', 'Clusters', 'Position'])
    hr.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: h }));
  head.replaceChildren(hr);
  const body = $('play-table').querySelector('tbody')!;
  body.replaceChildren(
    ...playYears.map((p) => {
      const tr = document.createElement('tr');
      const o = 1 - playStudent;
      const cells = [
        String(p.year),
        p.strategies[playStudent],
        p.strategies[o],
        fmt(p.payoff[playStudent], 1),
        fmt(p.payoff[o], 1),
        fmt(p.cumulativePayoff[playStudent], 1),
        fmt(p.cumulativePayoff[o], 1),
        p.similarity.toFixed(3),
        `${p.clusters[playStudent]} / ${p.clusters[o]}`,
        outcomeLabel(p.outcome),
      ];
      cells.forEach((c, i) => tr.append(Object.assign(document.createElement('td'), { textContent: c, className: i === 1 || i === 2 || i === 9 ? 'text' : '' })));
      return tr;
    }),
  );
  if (playYears.length > 0) {
    const rows = [`${me} (you)`, them];
    const cells = playYears.flatMap((p) => [
      { row: rows[0], year: p.year, strategy: p.strategies[playStudent] },
      { row: rows[1], year: p.year, strategy: p.strategies[1 - playStudent] },
    ]);
    void show('chart-play-strategies', strategyChart(cells, rows, 'Both governments\' strategies, year by year'));
    void show(
      'chart-play',
      winWinChart(
        regions,
        playYears.map((p) => ({ label: String(p.year), x: p.change[0], y: p.change[1], outcome: p.outcome })),
        'Your path: change against everyone investing',
      ),
    );
  } else {
    $('chart-play').replaceChildren();
    $('chart-play-strategies').replaceChildren();
  }
}

/** Replays the moves so far over PLAY_SCORE_REPLICATIONS replications in the worker, with progress. */
async function showScore(): Promise<void> {
  if (!playConfig) return;
  const regions = playConfig.regions;
  const progress = $('play-progress');
  const years = playYears.length;
  progress.textContent = `Scoring your ${years} years over ${PLAY_SCORE_REPLICATIONS} replications…`;
  $('play-score').replaceChildren();
  const response = await playWorker.request({ type: 'play-score', replications: PLAY_SCORE_REPLICATIONS }, (done, total) => {
    progress.textContent = `Scoring your ${years} years: replication ${done} of ${total} done (your moves, mutual cooperation and mutual competition each)…`;
  });
  progress.textContent = `Scored over ${response.score.replications} replications.`;
  $('play-score').replaceChildren(renderScore(response.score, regions));
}

// ---- game view ----------------------------------------------------------------------------------

async function runGame(): Promise<void> {
  const built = currentConfig();
  if (!built || built.config.regions.length !== 2) return;
  gameWorker.restart();
  const version = settingsVersion;
  const out = $('game-result');
  const progress = $('game-progress');
  progress.textContent = `Running 4 profiles × ${built.replications} replication(s)…`;
  try {
    const response = await gameWorker.request({ type: 'game', config: built.config, seed: built.seed, replications: built.replications }, (done, total) => {
      progress.textContent = `Running 4 profiles × ${built.replications} replication(s): ${done} of ${total} runs done…`;
    });
    const names = built.config.regions.map((r) => r.name);
    out.replaceChildren(...renderLensGames(lensGames(response.profiles, names), names));
    gameVersion = version;
    markGameStale(out, version !== settingsVersion); // settings moved while it ran
    progress.textContent = `Done: 4 profiles × ${built.replications} replication(s), seed ${built.seed}.`;
  } catch (e) {
    if (e instanceof CancelledError) return;
    progress.textContent = '';
    out.textContent = `The game failed: ${(e as Error).message}`;
  }
}

// ---- export and import --------------------------------------------------------------------------

function exportScenario(): void {
  const standalone = uploaded.has(settings.scenario) || $<HTMLInputElement>('export-standalone').checked;
  const yaml = exportScenarioYaml(settings, base.scenario, standalone ? { baseRaw: base.raw } : {});
  const blob = new Blob([yaml], { type: 'application/x-yaml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${exportName(settings.scenario)}.yaml`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  setStatus(
    standalone
      ? `Exported ${a.download}: run it with "chuanyu run ${a.download}".`
      : `Exported ${a.download}: save it in the scenarios/ folder, then run "chuanyu run scenarios/${a.download}".`,
  );
}

/**
 * Loads a scenario file with the CLI's limits (size, encoding, nesting, aliases, keys): parsed
 * and validated in a worker, so a huge or hostile file shows an error and never freezes the page.
 * Problems are shown as `file:line:column: field: message`, as the CLI prints them.
 */
async function loadFile(file: File): Promise<void> {
  fileWorker.restart(); // a file still being read is abandoned
  if (file.size > MAX_SOURCE_BYTES) {
    // Not even read: the limit the worker would apply, without copying the file.
    setError(new UserError(messages.tooLarge(file.size, MAX_SOURCE_BYTES), { file: file.name }).message);
    setStatus(`Could not load ${file.name}.`);
    return;
  }
  setStatus(`Reading ${file.name}…`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const bytes = await file.arrayBuffer();
    const uploadedValues: Record<string, Record<string, unknown>> = {};
    for (const name of uploaded) {
      const entry = library[name];
      if (typeof entry === 'object') uploadedValues[name] = entry;
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${file.name}: reading the file took longer than ${FILE_TIMEOUT_MS / 1000} s, so it was abandoned`));
        fileWorker.restart();
      }, FILE_TIMEOUT_MS);
    });
    const response = await Promise.race([fileWorker.request({ type: 'load-file', file: file.name, bytes, uploaded: uploadedValues }), timeout]);
    let name = response.name;
    if (Object.hasOwn(SHIPPED_SCENARIOS, name)) name = `${name}-file`;
    library[name] = response.value;
    uploaded.add(name);
    setError(null);
    selectScenario(name, emptySettings(name));
    setStatus(`Loaded ${file.name} as "${name}".`);
  } catch (e) {
    if (e instanceof CancelledError) return;
    const message = (e as Error).message;
    // Messages from the worker's parser already start with the file name (file:line:column: ...).
    setError(message.startsWith(file.name) ? message : `${file.name}: ${message}`);
    setStatus(`Could not load ${file.name}.`);
  } finally {
    clearTimeout(timer);
  }
}

function selectScenario(name: string, next: Settings): void {
  settings = next;
  try {
    loadBase(name);
  } catch (e) {
    setError((e as Error).message);
    settings = emptySettings('baseline');
    loadBase('baseline');
  }
  fillScenarioSelect();
  renderControls();
  changed();
}

// ---- wiring -------------------------------------------------------------------------------------

function selectTab(tab: HTMLElement): void {
  document.querySelectorAll<HTMLElement>('[role=tab]').forEach((t) => {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')!).hidden = !on;
  });
}

function wire(): void {
  $<HTMLSelectElement>('scenario').addEventListener('change', (e) => {
    const name = (e.target as HTMLSelectElement).value;
    selectScenario(name, emptySettings(name));
  });
  $<HTMLInputElement>('scenario-file').addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void loadFile(file);
    (e.target as HTMLInputElement).value = ''; // the same file can be loaded again after editing it
  });
  $<HTMLInputElement>('fund-enabled').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    if (on === base.scenario.fund.enabled) delete settings.fund;
    else settings.fund = on;
    changed();
  });
  $('reset').addEventListener('click', () => selectScenario(settings.scenario, emptySettings(settings.scenario)));
  $('export').addEventListener('click', exportScenario);
  $('copy-link').addEventListener('click', () => {
    const url = $<HTMLInputElement>('share-url').value;
    navigator.clipboard?.writeText(url).then(
      () => setStatus('Link copied.'),
      () => setStatus('Copy the link from the box below.'),
    );
  });
  const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      const j = k === 'ArrowRight' ? (i + 1) % tabs.length : k === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1;
      if (j >= 0) {
        selectTab(tabs[j]);
        tabs[j].focus();
      }
    });
  });
  $('play-start').addEventListener('click', () => void startPlay());
  document.querySelectorAll<HTMLButtonElement>('.move').forEach((b) =>
    b.addEventListener('click', () => {
      const m = b.dataset.move;
      if ((STRATEGIES as readonly string[]).includes(m ?? '')) void playMove(m as Strategy);
    }),
  );
  $('play-score-now').addEventListener('click', () => {
    if (playYears.length > 0) void showScore().catch((e: unknown) => {
      if (!(e instanceof CancelledError)) setError((e as Error).message);
    });
  });
  $('play-rule-go').addEventListener('click', () => void playRest());
  $('game-run').addEventListener('click', () => void runGame());
}

function init(): void {
  wire();
  const initial = decodeSettings(location.search || location.hash);
  const name = library[initial.scenario] !== undefined ? initial.scenario : 'baseline';
  selectScenario(name, name === initial.scenario ? initial : emptySettings(name));
}

init();

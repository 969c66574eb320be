/// <reference lib="dom" />
/**
 * The explorer page, wired: one state object (state.ts), the settings panel
 * (controls.ts), the three tabs (explore-tab.ts, play-tab.ts, game-tab.ts),
 * each with its own worker, and scenario files in and out (scenario-files.ts).
 * Only wiring lives here.
 */
import { createControls } from './controls.js';
import { createExploreTab } from './explore-tab.js';
import { createGameTab } from './game-tab.js';
import { $, setError, setStatus } from './page.js';
import { createPlayTab } from './play-tab.js';
import { exportScenario, loadScenarioFile } from './scenario-files.js';
import { decodeSettings, emptySettings, type Settings } from './settings.js';
import { createState, selectBase } from './state.js';
import { WorkerClient } from './worker-client.js';

const newWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

function wireTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
  const select = (tab: HTMLElement) =>
    tabs.forEach((t) => {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')!).hidden = !on;
    });
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      const j = k === 'ArrowRight' ? (i + 1) % tabs.length : k === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1;
      if (j >= 0) {
        select(tabs[j]);
        tabs[j].focus();
      }
    });
  });
}

function start(): void {
  const state = createState();
  const explore = createExploreTab(state, new WorkerClient(newWorker));
  const play = createPlayTab(state, new WorkerClient(newWorker));
  const game = createGameTab(state, new WorkerClient(newWorker));
  /** Reads scenario files from disk: a hostile file costs this worker, never the page. */
  const fileWorker = new WorkerClient(newWorker);
  const controls = createControls(state, () => {
    explore.changed();
    game.changed();
  });

  const selectScenario = (name: string, next: Settings) => {
    try {
      selectBase(state, name, next);
    } catch (e) {
      setError((e as Error).message);
      selectBase(state, 'baseline', emptySettings('baseline'));
    }
    controls.render();
    play.refresh();
    game.refresh();
    controls.changed();
  };

  $<HTMLSelectElement>('scenario').addEventListener('change', (e) => {
    const name = (e.target as HTMLSelectElement).value;
    selectScenario(name, emptySettings(name));
  });
  $<HTMLInputElement>('scenario-file').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void loadScenarioFile(state, fileWorker, file, (name) => selectScenario(name, emptySettings(name)));
    input.value = ''; // the same file can be loaded again after editing it
  });
  $('reset').addEventListener('click', () => selectScenario(state.settings.scenario, emptySettings(state.settings.scenario)));
  $('export').addEventListener('click', () => exportScenario(state));
  $('copy-link').addEventListener('click', () => {
    navigator.clipboard?.writeText($<HTMLInputElement>('share-url').value).then(
      () => setStatus('Link copied.'),
      () => setStatus('Copy the link from the box below.'),
    );
  });
  wireTabs();

  const initial = decodeSettings(location.search || location.hash);
  const name = state.library[initial.scenario] !== undefined ? initial.scenario : 'baseline';
  selectScenario(name, name === initial.scenario ? initial : emptySettings(name));
}

start();

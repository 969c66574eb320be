/**
 * The explorer's state, one object passed to every tab (no module-level
 * mutable state): the scenario library, the settings the student moved, the
 * scenario they apply to, and a version bumped by every change of the settings
 * (a result remembers the version it was computed for). No DOM here.
 */
import type { ModelConfig } from '../model/config.js';
import { deepMerge } from '../scenario/merge.js';
import { buildScenario, loadScenarioText, SHIPPED_SCENARIOS, type BrowserScenario, type LibraryEntry } from './scenarios.js';
import { emptySettings, overrideFields, type Settings } from './settings.js';

export interface ExplorerState {
  /**
   * Scenarios by name: the shipped ones as text, files loaded from disk as the value the
   * worker parsed and checked. No prototype, so a name like `toString` is just a missing key.
   */
  readonly library: Record<string, LibraryEntry>;
  /** Names in the library that came from files. */
  readonly uploaded: Set<string>;
  settings: Settings;
  /** The scenario the settings apply to. */
  base: BrowserScenario;
  /** Bumped by every change of the settings. */
  version: number;
}

/** What a run of the current settings needs. */
export interface CurrentRun {
  config: ModelConfig;
  seed: number;
  /** Replications run live (at most 10). */
  replications: number;
  built: BrowserScenario;
}

export function createState(): ExplorerState {
  const library = Object.assign(Object.create(null) as Record<string, LibraryEntry>, SHIPPED_SCENARIOS);
  return { library, uploaded: new Set(), settings: emptySettings('baseline'), base: loadScenarioText(SHIPPED_SCENARIOS.baseline, 'baseline', library), version: 0 };
}

/** Makes `name` the base scenario with `settings`; throws (state unchanged) when it does not load. */
export function selectBase(state: ExplorerState, name: string, settings: Settings): void {
  const entry = state.library[name];
  if (entry === undefined) throw new Error(`no scenario named "${name}"`);
  state.base = loadScenarioText(entry, name, state.library);
  state.settings = settings;
}

/** The scenario of the current settings, validated; throws a message naming the problem. */
/** The run the settings describe, or null after showing why the settings make no valid scenario. */
export function currentRunOrError(state: ExplorerState, setError: (message: string | null) => void): CurrentRun | null {
  try {
    return currentRun(state);
  } catch (e) {
    setError((e as Error).message);
    return null;
  }
}

export function currentRun(state: ExplorerState): CurrentRun {
  const raw = deepMerge<Record<string, unknown>>(state.base.raw, overrideFields(state.settings, state.base.scenario));
  const built = buildScenario(raw);
  return { config: built.config, seed: built.scenario.seed, replications: Math.min(10, built.scenario.replications), built };
}

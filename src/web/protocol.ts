/** Messages between the page and the simulation worker. */
import type { ModelConfig, Strategy, StrategyRule } from '../model/config.js';
import type { PlayScore } from './play-score.js';
import type { EmpiricalGame } from '../experiment/empirical-game.js';
import type { Scenario } from '../scenario/schema.js';
import type { ExplorerResult, PlayYear } from './sim-core.js';

export type WorkerRequest =
  | { id: number; type: 'run'; config: ModelConfig; seed: number; replications: number }
  /** The cooperate-vs-compete game of `chuanyu game` for the scenario (parsed, every default filled in). */
  | { id: number; type: 'game'; scenario: Scenario; seed: number; replications: number }
  | { id: number; type: 'play-start'; config: ModelConfig; student: number; seed: number }
  | { id: number; type: 'play-step'; strategy: Strategy }
  /** The student hands the remaining years to a rule (normalized by the page through the scenario schema). */
  | { id: number; type: 'play-auto'; rule: StrategyRule }
  /** The moves played so far replayed over `replications` replications, with mutual cooperation and competition. */
  | { id: number; type: 'play-score'; replications: number }
  /** A scenario file from disk, parsed and checked here with the CLI's limits; `uploaded` are the files loaded before (for `extends`). */
  | { id: number; type: 'load-file'; file: string; bytes: ArrayBuffer; uploaded: Record<string, Record<string, unknown>> };

export type WorkerResponse =
  | { id: number; type: 'run'; result: ExplorerResult }
  | { id: number; type: 'game'; game: EmpiricalGame }
  | { id: number; type: 'play-start'; steps: number }
  | { id: number; type: 'play-step'; year: PlayYear; done: boolean }
  | { id: number; type: 'play-auto'; years: PlayYear[] }
  | { id: number; type: 'play-score'; score: PlayScore }
  | { id: number; type: 'load-file'; value: Record<string, unknown>; name: string }
  /** Sent (any number of times) before a long request's answer; not an answer itself. */
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'error'; message: string };

/** Messages between the page and the simulation worker. */
import type { ModelConfig, Strategy } from '../model/config.js';
import type { ExplorerResult, PlayScore, PlayYear, ProfileSamples } from './sim-core.js';

export type WorkerRequest =
  | { id: number; type: 'run'; config: ModelConfig; seed: number; replications: number }
  | { id: number; type: 'game'; config: ModelConfig; seed: number; replications: number }
  | { id: number; type: 'play-start'; config: ModelConfig; student: number; seed: number }
  | { id: number; type: 'play-step'; strategy: Strategy }
  | { id: number; type: 'play-score' }
  /** A scenario file from disk, parsed and checked here with the CLI's limits; `uploaded` are the files loaded before (for `extends`). */
  | { id: number; type: 'load-file'; file: string; bytes: ArrayBuffer; uploaded: Record<string, Record<string, unknown>> };

export type WorkerResponse =
  | { id: number; type: 'run'; result: ExplorerResult }
  | { id: number; type: 'game'; profiles: ProfileSamples[] }
  | { id: number; type: 'play-start'; steps: number }
  | { id: number; type: 'play-step'; year: PlayYear; done: boolean }
  | { id: number; type: 'play-score'; score: PlayScore }
  | { id: number; type: 'load-file'; value: Record<string, unknown>; name: string }
  | { id: number; type: 'error'; message: string };

/**
 * Reads a game folder (game.json, through the results readers) with the
 * scenario's title, description and illustrative note, which the caller takes
 * from the scenario or the folder's manifest.
 */
import { resolve } from 'node:path';
import type { GameJson, GameJsonPoint, GameLensJson } from '../../results/game-format.js';
import { readGameJson } from '../../results/experiment-files.js';

export type { GameJson, GameJsonPoint, GameLensJson };
export { readGameJson };

/** Scenario text a game report shows. */
export interface GameInfo {
  title: string;
  description: string;
  illustrative?: string;
}

export interface GameData {
  /** Absolute path of the game folder. */
  dir: string;
  data: GameJson;
  info: GameInfo;
}

export async function readGame(dir: string, info: GameInfo): Promise<GameData> {
  return { dir: resolve(dir), data: await readGameJson(dir), info };
}

/** Mutual cooperation minus mutual competition in one lens, when the game has both. */
export function mutualDecomposition(point: GameJsonPoint, lens: string) {
  return (point.decomposition ?? []).find((d) => d.lens === lens && d.profile.every((s) => s === 'cooperate') && d.reference.every((s) => s === 'compete'));
}

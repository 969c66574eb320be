/**
 * Payoffs for `chuanyu replicator --game DIR` and `chuanyu match --game DIR`:
 * the cooperate-vs-compete sub-game of a `chuanyu game` folder in one lens,
 * read from its game.json with every missing piece named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../scenario/errors.js';
import type { Bimatrix } from '../../model/game/replicator.js';
import type { SymmetricPayoffs } from '../../model/game/normal-form.js';
import { parseLens } from '../../experiment/game.js';
import { GAME_FILE } from '../../results/game-format.js';
import { parseJsonFile } from '../../results/json-file.js';

export interface GamePayoffs {
  file: string;
  lens: string;
  regions: string[];
  /** Mean payoffs, cells (cooperate, cooperate), (cooperate, compete), (compete, cooperate), (compete, compete). */
  bimatrix: Bimatrix;
  /** Each government's T, R, P, S relative to its own R, averaged over the two (the one-population reading). */
  symmetric: SymmetricPayoffs;
}

const finite = (m: number[][]) => m.length === 2 && m.every((row) => row.length === 2 && row.every(Number.isFinite));

export function readGamePayoffs(dir: string, lensText: string | undefined): GamePayoffs {
  const lens = parseLens(lensText);
  const file = join(dir, 'game.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); --game takes a folder written by \`chuanyu game\``);
  }
  // Checked against the game.json format: a damaged file is named with its field.
  const data = parseJsonFile(text, file, GAME_FILE);
  if (data.points.length === 0) throw new UserError(`${file}: not a \`chuanyu game\` result (expected at least one point)`);
  if (data.points.length > 1) throw new UserError(`${file}: a game with a parameter sweep (${data.points.length} points); --game takes a folder from a game without --sweep`);
  const point = data.points[0];
  const view = point.byLens[lens];
  if (!view) throw new UserError(`${file}: points[0].byLens.${lens} is missing (a game folder from an earlier version has one lens only; run \`chuanyu game\` again)`);
  const sub = view.subgame;
  if (!sub) throw new UserError(`${file}: points[0].byLens.${lens}.subgame is null: the game has no cooperate-vs-compete sub-game (it needs two regions and both strategies)`);
  if (!finite(sub.bimatrix.a) || !finite(sub.bimatrix.b)) throw new UserError(`${file}: points[0].byLens.${lens}.subgame.bimatrix: expected {"a": [[n, n], [n, n]], "b": [[n, n], [n, n]]}`);
  const p = sub.onePopulation.payoffs;
  if (![p.R, p.S, p.T, p.P].every(Number.isFinite)) throw new UserError(`${file}: points[0].byLens.${lens}.subgame.onePopulation.payoffs: expected numbers R, S, T, P`);
  return { file, lens, regions: point.regions, bimatrix: sub.bimatrix as Bimatrix, symmetric: { R: p.R, S: p.S, T: p.T, P: p.P } };
}

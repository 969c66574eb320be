/**
 * `chuanyu match` and `chuanyu replicator`: parse the command-line text, call
 * the pure game core (src/model/game) and format what it found. Plain
 * functions, so tests call them without yargs or a child process. Every input
 * mistake is a UserError (the CLI prints it and exits 2).
 */
import { didYouMean, UserError } from '../../scenario/errors.js';
import type { SymmetricPayoffs } from '../../model/game/normal-form.js';
import { PLAYER_NAMES, isPlayerName, playMatch, type MatchResult } from '../../model/game/repeated.js';
import { replicator2, scaleBimatrix, trajectory2, type Bimatrix, type Replicator2 } from '../../model/game/replicator.js';
import type { Eigenvalue } from '../../model/game/linear-2d.js';
import { readGamePayoffs } from './game-source.js';

/** A game's scaled payoffs, to 6 significant digits for display. */
function scaledBimatrix(m: Bimatrix): Bimatrix {
  const { a, b } = scaleBimatrix(m);
  const round = (v: number) => Number(v.toPrecision(6));
  return { a: a.map((row) => row.map(round)), b: b.map((row) => row.map(round)) };
}

type Log = (line: string) => void;
const stdout: Log = (line) => process.stdout.write(line + '\n');

/** Longer matches would only fill memory with move strings. */
export const MAX_TURNS = 1_000_000;

function parseNumber(text: string, what: string): number {
  const t = text.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new UserError(`${what}: "${text}" is not a number`);
  return v;
}

function parseList(text: string | undefined, count: number, what: string, example: string): number[] {
  const parts = (text ?? '').split(',');
  if (text === undefined || text.trim() === '' || parts.length !== count)
    throw new UserError(`${what} needs ${count} comma-separated numbers, e.g. ${example} (got "${text ?? ''}")`);
  return parts.map((p) => parseNumber(p, what));
}

/** "R,S,T,P", e.g. "3,0,5,1". */
export function parsePayoffs(text: string | undefined): SymmetricPayoffs {
  const [R, S, T, P] = parseList(text, 4, '--payoffs (R,S,T,P)', '--payoffs 3,0,5,1');
  return { R, S, T, P };
}

/** "A,B": two player names. */
export function parsePlayers(text: string | undefined): [string, string] {
  const names = (text ?? '').split(',').map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === '')) throw new UserError(`--players needs two comma-separated names, e.g. --players tit-for-tat,always-compete (got "${text ?? ''}")`);
  for (const name of names)
    if (!isPlayerName(name)) throw new UserError(`unknown player "${name}"${didYouMean(name, PLAYER_NAMES)}; valid players: ${PLAYER_NAMES.join(', ')}`);
  return names as [string, string];
}

/** "a11,b11;a12,b12;a21,b21;a22,b22": cells (1,1), (1,2), (2,1), (2,2), each (row payoff, column payoff). */
export function parseBimatrix(text: string | undefined): Bimatrix {
  const cells = (text ?? '').split(';');
  const example = '--bimatrix "3,3;0,5;5,0;1,1"';
  if (text === undefined || cells.length !== 4)
    throw new UserError(`--bimatrix needs 4 cells separated by ";" in the order (1,1);(1,2);(2,1);(2,2), each "row payoff,column payoff", e.g. ${example} (got "${text ?? ''}")`);
  const names = ['(1,1)', '(1,2)', '(2,1)', '(2,2)'];
  const [c11, c12, c21, c22] = cells.map((c, k) => parseList(c, 2, `--bimatrix cell ${names[k]}`, example));
  return { a: [[c11[0], c12[0]], [c21[0], c22[0]]], b: [[c11[1], c12[1]], [c21[1], c22[1]]] };
}

/** "x,y" with both shares in [0, 1]. */
export function parsePoint(text: string): { x: number; y: number } {
  const [x, y] = parseList(text, 2, '--start (x,y)', '--start 0.2,0.6');
  if (x < 0 || x > 1 || y < 0 || y > 1) throw new UserError(`--start: x and y are population shares, each between 0 and 1 (got ${x}, ${y})`);
  return { x, y };
}

// ---------------------------------------------------------------------------
// match
// ---------------------------------------------------------------------------

export interface MatchActionOptions {
  payoffs?: string;
  /** A `chuanyu game` folder to take the payoffs from, instead of --payoffs. */
  game?: string;
  lens?: string;
  turns?: number;
  players?: string;
  noise?: number;
  seed?: number;
  json?: boolean;
  log?: Log;
}

/** Exactly one of a typed-in value and a game folder. */
function oneSource(typed: string | undefined, game: string | undefined, flag: string): void {
  if (typed !== undefined && game !== undefined) throw new UserError(`give either ${flag} or --game, not both`);
  if (typed === undefined && game === undefined) throw new UserError(`give the payoffs with ${flag} or take them from a \`chuanyu game\` folder with --game DIR [--lens objective|welfare|gdp|fiscal]`);
}

export function matchAction(options: MatchActionOptions): MatchResult {
  oneSource(options.payoffs, options.game, '--payoffs');
  const source = options.game !== undefined ? readGamePayoffs(options.game, options.lens) : null;
  const payoffs = source ? source.symmetric : parsePayoffs(options.payoffs);
  const players = parsePlayers(options.players);
  const { turns, noise = 0, seed = 1 } = options;
  if (turns === undefined || !Number.isInteger(turns) || turns < 1 || turns > MAX_TURNS) throw new UserError(`--turns must be a whole number from 1 to ${MAX_TURNS} (got ${turns})`);
  if (!(noise >= 0 && noise <= 1)) throw new UserError(`--noise is the probability of flipping a move, between 0 and 1 (got ${noise})`);
  if (!Number.isInteger(seed) || seed < 0) throw new UserError(`--seed must be a non-negative whole number (got ${seed})`);
  const result = playMatch({ payoffs, turns, players, noise, seed });
  const from = source ? `Payoffs from ${source.file}, ${source.lens} lens: each government's T, R, P, S relative to its own mutual-cooperation payoff, averaged over ${source.regions.join(' and ') || 'the two'}.\n` : '';
  (options.log ?? stdout)(options.json ? formatMatchJson(result) : from + formatMatch(result, { payoffs, players, turns, noise, seed }));
  return result;
}

/** Exactly {"scores": [a, b], "moves": ["CCD...", "CDD..."]}. */
export function formatMatchJson(result: MatchResult): string {
  return `{"scores": [${result.scores.map((s) => JSON.stringify(s)).join(', ')}], "moves": [${result.moves.map((m) => JSON.stringify(m)).join(', ')}]}`;
}

const BLOCK = 50;

export function formatMatch(
  result: MatchResult,
  info: { payoffs: SymmetricPayoffs; players: [string, string]; turns: number; noise: number; seed: number },
): string {
  const { R, S, T, P } = info.payoffs;
  const labels = info.players[0] === info.players[1] ? info.players.map((p, i) => `${p} #${i + 1}`) : [...info.players];
  const width = Math.max(...labels.map((l) => l.length));
  const lines = [`${labels.join(' vs ')}: ${info.turns} turn${info.turns === 1 ? '' : 's'}, payoffs R=${R} S=${S} T=${T} P=${P}, noise ${info.noise}, seed ${info.seed}`, '', 'Scores:'];
  [0, 1].forEach((i) => {
    const cooperated = [...result.moves[i]].filter((m) => m === 'C').length;
    lines.push(`  ${labels[i].padEnd(width)}  ${String(Number(result.scores[i].toPrecision(12)))}  (${fmt(result.scores[i] / info.turns)} a turn; cooperated in ${cooperated} of ${info.turns})`);
  });
  lines.push('', 'Moves (C = cooperate, D = compete):');
  for (let start = 0; start < info.turns; start += BLOCK) {
    const end = Math.min(info.turns, start + BLOCK);
    if (info.turns > BLOCK) lines.push(`  turns ${start + 1}-${end}`);
    [0, 1].forEach((i) => lines.push(`  ${info.turns > BLOCK ? '  ' : ''}${labels[i].padEnd(width)}  ${result.moves[i].slice(start, end)}`));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// replicator
// ---------------------------------------------------------------------------

export interface ReplicatorActionOptions {
  bimatrix?: string;
  /** A `chuanyu game` folder to take the payoffs from, instead of --bimatrix. */
  game?: string;
  lens?: string;
  start?: string;
  /** How long to follow the trajectory from --start (default 100). */
  time?: number;
  json?: boolean;
  log?: Log;
}

export interface TrajectorySummary {
  start: { x: number; y: number };
  time: number;
  end: { x: number; y: number };
  /**
   * The rest point the path ends at (within 1e-3; on a continuum, the end point
   * itself, "degenerate"), or null when it is still moving (e.g. round a center).
   */
  settlesAt: { x: number; y: number; stability: string } | null;
  /** Where the path went over the second half of the time: a wide range means it cycles. */
  lastHalf: { x: [number, number]; y: [number, number] };
  /** Every twentieth of the way, for a sketch. */
  points: { t: number; x: number; y: number }[];
}

export interface ReplicatorActionResult extends Replicator2 {
  trajectory?: TrajectorySummary;
}

const DT = 0.01;

export function replicatorAction(options: ReplicatorActionOptions): ReplicatorActionResult {
  oneSource(options.bimatrix, options.game, '--bimatrix');
  const source = options.game !== undefined ? readGamePayoffs(options.game, options.lens) : null;
  // A game's payoffs are in the thousands of billions; dividing by the largest driving gap only rescales time.
  const m = source ? scaledBimatrix(source.bimatrix) : parseBimatrix(options.bimatrix);
  const time = options.time ?? 100;
  if (!(Number.isFinite(time) && time > 0 && time <= 1e5)) throw new UserError(`--time must be a positive number up to 100000 (got ${time})`);
  const dynamics = replicator2(m);
  const result: ReplicatorActionResult = { ...dynamics };
  if (options.start !== undefined) result.trajectory = summarizeTrajectory(m, dynamics, parsePoint(options.start), time);
  const from = source ? `Payoffs from ${source.file}, ${source.lens} lens (row ${source.regions[0] ?? 'region 1'}, column ${source.regions[1] ?? 'region 2'}; strategy 1 = cooperate, 2 = compete), divided by the largest payoff gap that drives the dynamics.\n` : '';
  (options.log ?? stdout)(options.json ? formatReplicatorJson(result) : from + formatReplicator(m, result));
  return result;
}

function summarizeTrajectory(m: Bimatrix, dynamics: Replicator2, start: { x: number; y: number }, time: number): TrajectorySummary {
  const steps = Math.max(1, Math.round(time / DT));
  const path = trajectory2(m, start, { dt: time / steps, steps });
  const last = path[path.length - 1];
  const near =
    dynamics.restPoints.find((r) => Math.hypot(r.x - last.x, r.y - last.y) < 1e-3) ??
    // A path can also come to rest anywhere on a continuum of rest points.
    dynamics.continua.filter((c) => distanceToBox(c, last) < 1e-3).map((c) => ({ x: last.x, y: last.y, stability: c.stability }))[0];
  const every = Math.max(1, Math.floor(steps / 20));
  const half = path.slice(Math.floor(path.length / 2));
  const span = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  return {
    start,
    time,
    end: { x: last.x, y: last.y },
    settlesAt: near ? { x: near.x, y: near.y, stability: near.stability } : null,
    lastHalf: { x: span(half.map((p) => p.x)), y: span(half.map((p) => p.y)) },
    points: path.filter((_, k) => k % every === 0 || k === steps),
  };
}

/** Distance from a point to the axis-aligned segment or square of a continuum. */
function distanceToBox(c: Replicator2['continua'][number], p: { x: number; y: number }): number {
  const clamp = (v: number, a: number, b: number) => Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  return Math.hypot(p.x - clamp(p.x, c.from.x, c.to.x), p.y - clamp(p.y, c.from.y, c.to.y));
}

export function formatReplicatorJson(result: ReplicatorActionResult): string {
  const json = {
    restPoints: result.restPoints.map((r) => ({ x: r.x, y: r.y, eigenvalues: r.eigenvalues, stability: r.stability })),
    continua: result.continua,
    ...(result.trajectory ? { trajectory: result.trajectory } : {}),
  };
  return JSON.stringify(json, null, 2);
}

const fmt = (v: number) => String(Number(v.toPrecision(4)));
/** A share, to 4 decimals (a path's 1e-96 is 0 to a reader). */
const coord = (v: number) => String(Number(v.toFixed(4)));
const eig = (e: Eigenvalue) => (typeof e === 'number' ? fmt(e) : `${fmt(e.re)}${e.im < 0 ? '-' : '+'}${fmt(Math.abs(e.im))}i`);

export function formatReplicator(m: Bimatrix, result: ReplicatorActionResult): string {
  const cell = (i: number, j: number) => `(${i + 1},${j + 1}) ${m.a[i][j]},${m.b[i][j]}`;
  const lines = [
    'Two-population replicator dynamics (Taylor & Jonker 1978; Hofbauer & Sigmund 1998, ch. 10)',
    '  x = share of row players on their strategy 1, y = share of column players on their strategy 1',
    `  payoffs (row, column): ${[cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)].join('   ')}`,
    '',
    'Rest points:',
  ];
  const rows = result.restPoints.map((r) => [`(${coord(r.x)}, ${coord(r.y)})`, r.eigenvalues.map(eig).join(', '), r.stability]);
  const w0 = Math.max(5, ...rows.map((r) => r[0].length));
  const w1 = Math.max(11, ...rows.map((r) => r[1].length));
  lines.push(`  ${'point'.padEnd(w0)}  ${'eigenvalues'.padEnd(w1)}  stability`);
  for (const r of rows) lines.push(`  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`);
  if (result.continua.length > 0) {
    lines.push('', 'Continua of rest points (degenerate: a zero eigenvalue along each):');
    for (const c of result.continua) lines.push(`  ${c.description}`);
  }
  const t = result.trajectory;
  if (t) {
    const where = `(${t.end.x.toFixed(4)}, ${t.end.y.toFixed(4)})`;
    const range = ([lo, hi]: [number, number]) => `${lo.toFixed(3)} to ${hi.toFixed(3)}`;
    const fate = t.settlesAt
      ? `settling at the rest point (${coord(t.settlesAt.x)}, ${coord(t.settlesAt.y)}) (${t.settlesAt.stability}${result.restPoints.some((r) => r.x === t.settlesAt?.x && r.y === t.settlesAt?.y) ? '' : ', on a continuum'})`
      : `not at a rest point; over the second half x went ${range(t.lastHalf.x)} and y ${range(t.lastHalf.y)}`;
    lines.push('', `Trajectory from (${coord(t.start.x)}, ${coord(t.start.y)}): at t = ${fmt(t.time)} it is at ${where}, ${fate}.`);
  }
  return lines.join('\n');
}

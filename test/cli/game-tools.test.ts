/**
 * `chuanyu match` and `chuanyu replicator`: the action functions (output and
 * errors), then whole command lines through the CLI's argument parsing, run
 * in-process (test/cli/program.test.ts checks a process prints the same).
 */
import { describe, expect, it } from 'vitest';
import {
  matchAction,
  parseBimatrix,
  parsePayoffs,
  parsePlayers,
  parsePoint,
  replicatorAction,
} from '../../src/cli/actions/game-tools.js';
import { UserError } from '../../src/scenario/errors.js';
import { runCliInProcess } from '../helpers/cli.js';

const capture = () => {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line), text: () => lines.join('\n') };
};

describe('match action', () => {
  it('prints both totals and the move histories', () => {
    const out = capture();
    matchAction({ payoffs: '3,0,5,1', turns: 200, players: 'tit-for-tat,always-compete', log: out.log });
    const text = out.text();
    expect(text).toContain('tit-for-tat vs always-compete: 200 turns, payoffs R=3 S=0 T=5 P=1, noise 0, seed 1');
    expect(text).toMatch(/tit-for-tat {5}199 {2}\(0\.995 a turn; cooperated in 1 of 200\)/);
    expect(text).toMatch(/always-compete {2}204/);
    expect(text).toContain('turns 151-200');
    expect(text).toContain(`tit-for-tat     C${'D'.repeat(49)}`);
  });

  it('--json prints exactly {"scores": [a, b], "moves": [...]}', () => {
    const out = capture();
    const result = matchAction({ payoffs: '3,0,5,1', turns: 6, players: 'suspicious-tit-for-tat,tit-for-tat', json: true, log: out.log });
    expect(out.lines).toEqual(['{"scores": [15, 15], "moves": ["DCDCDC", "CDCDCD"]}']);
    expect(JSON.parse(out.lines[0])).toEqual(result);
  });

  it('labels a player matched against itself', () => {
    const out = capture();
    matchAction({ payoffs: '3,0,5,1', turns: 3, players: 'grim,grim', log: out.log });
    expect(out.text()).toContain('grim #1 vs grim #2');
  });

  it('reproduces a noisy match by seed', () => {
    const run = (seed: number) => matchAction({ payoffs: '3,0,5,1', turns: 100, players: 'pavlov,tit-for-tat', noise: 0.1, seed, log: () => {} });
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it.each([
    [{ payoffs: '3,0,5' }, '--payoffs (R,S,T,P) needs 4 comma-separated numbers'],
    [{ payoffs: '3,0,five,1' }, '"five" is not a number'],
    [{ payoffs: undefined }, 'give the payoffs with --payoffs or take them from a `chuanyu game` folder with --game DIR'],
    [{ players: 'tit-for-tat' }, '--players needs two comma-separated names'],
    [{ players: 'tit-for-tat,pavlv' }, 'unknown player "pavlv" (did you mean "pavlov"?); valid players: tit-for-tat, grim,'],
    [{ turns: 0 }, '--turns must be a whole number from 1 to 1000000 (got 0)'],
    [{ turns: 2.5 }, '--turns must be a whole number'],
    [{ turns: Number.NaN }, '--turns must be a whole number'],
    [{ noise: 1.5 }, '--noise is the probability of flipping a move'],
    [{ seed: -1 }, '--seed must be a non-negative whole number'],
  ])('bad input %o: a UserError', (bad, message) => {
    const call = () => matchAction({ payoffs: '3,0,5,1', turns: 10, players: 'grim,grim', log: () => {}, ...bad });
    expect(call).toThrow(UserError);
    expect(call).toThrow(message);
  });
});

describe('replicator action', () => {
  it('prints the rest points with eigenvalues and stability', () => {
    const out = capture();
    replicatorAction({ bimatrix: '1,1;0,0;0,0;3,3', log: out.log });
    const text = out.text();
    expect(text).toMatch(/\(0\.75, 0\.75\) +0\.75, -0\.75 +saddle/);
    expect(text).toMatch(/\(0, 0\) +-3, -3 +stable/);
    expect(text).toMatch(/\(0, 1\) +3, 1 +unstable/);
    expect(text).not.toContain('Trajectory');
  });

  it('--json gives {"restPoints": [{x, y, eigenvalues, stability}], "continua": []}', () => {
    const out = capture();
    replicatorAction({ bimatrix: '1,1;0,0;0,0;3,3', json: true, log: out.log });
    const json = JSON.parse(out.text());
    expect(Object.keys(json)).toEqual(['restPoints', 'continua']);
    expect(json.restPoints).toContainEqual({ x: 0.75, y: 0.75, eigenvalues: [0.75, -0.75], stability: 'saddle' });
    expect(json.restPoints).toHaveLength(5);
    expect(json.continua).toEqual([]);
  });

  it('reports complex eigenvalues as {re, im} and a center (matching pennies)', () => {
    const out = capture();
    replicatorAction({ bimatrix: '-1,1;1,-1;1,-1;-1,1', json: true, log: out.log });
    const json = JSON.parse(out.text());
    expect(json.restPoints[4]).toEqual({ x: 0.5, y: 0.5, eigenvalues: [{ re: 0, im: 1 }, { re: 0, im: -1 }], stability: 'center' });
  });

  it('summarizes a trajectory from --start: settling at a stable state, or cycling', () => {
    const out = capture();
    const r = replicatorAction({ bimatrix: '3,3;0,5;5,0;1,1', start: '0.9,0.9', log: out.log });
    expect(r.trajectory?.settlesAt).toEqual({ x: 0, y: 0, stability: 'stable' });
    expect(out.text()).toContain('Trajectory from (0.9, 0.9): at t = 100 it is at (0.0000, 0.0000), settling at the rest point (0, 0) (stable).');
    const cyc = capture();
    const c = replicatorAction({ bimatrix: '-1,1;1,-1;1,-1;-1,1', start: '0.2,0.5', time: 20, json: true, log: cyc.log });
    expect(c.trajectory?.settlesAt).toBeNull();
    expect(JSON.parse(cyc.text()).trajectory.points).toHaveLength(21);
    const [lo, hi] = c.trajectory?.lastHalf.x ?? [0, 0];
    expect(hi - lo).toBeGreaterThan(0.5);
  });

  it('lists continua of rest points (degenerate games)', () => {
    const out = capture();
    const r = replicatorAction({ bimatrix: '1,1;1,0;1,0;1,3', start: '0.2,0.3', log: out.log });
    expect(r.continua).toHaveLength(3);
    expect(out.text()).toContain('Continua of rest points');
    expect(out.text()).toContain('the line x = 0.75: the row player is indifferent everywhere');
    expect(out.text()).toContain('(degenerate, on a continuum)');
  });

  it.each([
    [{ bimatrix: '1,1;0,0;0,0' }, '--bimatrix needs 4 cells separated by ";"'],
    [{ bimatrix: '1,1;0,0;0,0;3' }, '--bimatrix cell (2,2) needs 2 comma-separated numbers'],
    [{ bimatrix: '1,1;0,x;0,0;3,3' }, '--bimatrix cell (1,2): "x" is not a number'],
    [{ bimatrix: undefined }, 'give the payoffs with --bimatrix or take them from a `chuanyu game` folder with --game DIR'],
    [{ start: '0.5' }, '--start (x,y) needs 2 comma-separated numbers'],
    [{ start: '1.5,0.5' }, '--start: x and y are population shares, each between 0 and 1'],
    [{ start: '0.5,0.5', time: -1 }, '--time must be a positive number'],
  ])('bad input %o: a UserError', (bad, message) => {
    const call = () => replicatorAction({ bimatrix: '1,1;0,0;0,0;3,3', log: () => {}, ...bad });
    expect(call).toThrow(UserError);
    expect(call).toThrow(message);
  });
});

describe('parsers', () => {
  it('read the documented formats, whitespace allowed', () => {
    expect(parsePayoffs(' 3, 0 ,5,1 ')).toEqual({ R: 3, S: 0, T: 5, P: 1 });
    expect(parsePlayers('grim, pavlov')).toEqual(['grim', 'pavlov']);
    expect(parseBimatrix('2,1; 0,0; 0,0; 1,2')).toEqual({ a: [[2, 0], [0, 1]], b: [[1, 0], [0, 2]] });
    expect(parsePoint('0.25,1')).toEqual({ x: 0.25, y: 1 });
  });
});

describe('chuanyu match / replicator command lines', () => {
  it('match --json prints the scores and moves', async () => {
    const r = await runCliInProcess(['match', '--payoffs', '3,0,5,1', '--turns', '200', '--players', 'tit-for-tat,always-compete', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ scores: [199, 204], moves: ['C' + 'D'.repeat(199), 'D'.repeat(200)] });
  });

  it('match takes a negative first payoff as a value, not a flag', async () => {
    const r = await runCliInProcess(['match', '--payoffs', '-1,0,5,1', '--turns', '3', '--players', 'tit-for-tat,always-cooperate', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).scores).toEqual([-3, -3]);
  });

  it('match with an unknown player: a clear message, exit 2', async () => {
    const r = await runCliInProcess(['match', '--payoffs', '3,0,5,1', '--turns', '10', '--players', 'tit-for-tat,pavlv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown player "pavlv" (did you mean "pavlov"?)');
    expect(r.stderr).toContain('always-compete');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('match with bad payoffs or turns: exit 2', async () => {
    expect((await runCliInProcess(['match', '--payoffs', '3,0,5', '--turns', '10', '--players', 'grim,grim'])).status).toBe(2);
    expect((await runCliInProcess(['match', '--payoffs', '3,0,5,1', '--turns', '0', '--players', 'grim,grim'])).status).toBe(2);
  });

  it('replicator --json lists the rest points', async () => {
    const r = await runCliInProcess(['replicator', '--bimatrix', '1,1;0,0;0,0;3,3', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.restPoints).toContainEqual({ x: 0.75, y: 0.75, eigenvalues: [0.75, -0.75], stability: 'saddle' });
    for (const p of json.restPoints) expect(['stable', 'unstable', 'saddle', 'center', 'degenerate']).toContain(p.stability);
  });

  it('replicator prints a table, with a negative first payoff and a trajectory', async () => {
    const r = await runCliInProcess(['replicator', '--bimatrix', '-1,1;1,-1;1,-1;-1,1', '--start', '0.2,0.5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(0\.5, 0\.5\) +0\+1i, 0-1i +center/);
    expect(r.stdout).toContain('Trajectory from (0.2, 0.5)');
  });

  it('replicator with a malformed bimatrix: exit 2', async () => {
    const r = await runCliInProcess(['replicator', '--bimatrix', '1,1;0,0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bimatrix needs 4 cells');
  });
});

/** `chuanyu game` as a process: files, charts, a sweep's phase diagram, and bad input. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-game-'));

describe('chuanyu game', () => {
  it('writes the payoff matrix, its analysis, charts and a report, and says which game it is', () => {
    const out = join(tmp(), 'g');
    const result = runCli(['game', SCENARIO, '-r', '3', '--out', out, '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/The cooperate-vs-compete game: /);
    expect(result.stdout).toContain('(cooperate, cooperate)');
    const game = JSON.parse(readFileSync(join(out, 'game.json'), 'utf8'));
    expect(game.points).toHaveLength(1);
    expect(game.points[0].profiles).toHaveLength(9); // 3 strategies x 3 strategies
    expect(game.points[0].subgame.restPoints.length).toBeGreaterThanOrEqual(4);
    expect(readFileSync(join(out, 'payoffs.csv'), 'utf8').split('\n')[0]).toBe('point,profile,replication,region,payoff,value_added_change');
    for (const f of ['payoff-matrix.png', 'replicator.svg', 'phase-line.png', 'report.html']) expect(existsSync(join(out, 'charts', f)), f).toBe(true);
    // `chuanyu report` recognises a game folder and reproduces its specs byte for byte.
    const before = readFileSync(join(out, 'charts', 'payoff-matrix.vl.json'));
    const again = runCli(['report', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'charts', 'payoff-matrix.vl.json')).equals(before)).toBe(true);
  });

  it('charts a phase diagram across a swept parameter', () => {
    const out = join(tmp(), 'sweep');
    const result = runCli(['game', SCENARIO, '--strategies', 'cooperate,compete', '--sweep', 'fund.reinvestment=0,2', '-r', '2', '--out', out, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const game = JSON.parse(readFileSync(join(out, 'game.json'), 'utf8'));
    expect(game.points.map((p: any) => p.values)).toEqual([{ 'fund.reinvestment': 0 }, { 'fund.reinvestment': 2 }]);
    expect(existsSync(join(out, 'charts', 'phase-diagram.vl.json'))).toBe(true);
  });

  it('rejects unknown strategies and parameter paths with exit code 2', () => {
    expect(runCli(['game', SCENARIO, '--strategies', 'cooperate,collude']).status).toBe(2);
    const typo = runCli(['game', SCENARIO, '--sweep', 'fund.levrage=0,1']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('fund.leverage');
  });
});

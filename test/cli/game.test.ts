/** `chuanyu game` as a process: files, charts, a sweep's phase diagram; bad input in-process. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-game-'));

describe('chuanyu game', () => {
  it('writes the payoff matrix, its analysis, charts and a report, and says which game it is', () => {
    const out = join(tmp(), 'g');
    const result = runCli(['game', SCENARIO, '-r', '3', '--out', out, '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/The cooperate-vs-compete game in each lens/);
    for (const lens of ["governments' objective \\(main\\)", 'welfare', 'GDP', 'fiscal balance']) expect(result.stdout).toMatch(new RegExp(`^  ${lens}: `, 'm'));
    expect(result.stdout).toContain('(cooperate, cooperate)');
    expect(result.stdout).toMatch(/Where the gap between mutual cooperation and mutual competition comes from, welfare lens/);
    const game = JSON.parse(readFileSync(join(out, 'game.json'), 'utf8'));
    expect(game.points).toHaveLength(1);
    expect(game.lens).toBe('objective');
    expect(game.objectives.sichuan).toEqual({ gdp: 1, welfare: 0, fiscal: 0 });
    expect(game.points[0].profiles).toHaveLength(9); // 3 strategies x 3 strategies
    expect(game.points[0].subgame.restPoints.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(game.points[0].byLens).sort()).toEqual(['fiscal', 'gdp', 'objective', 'welfare']);
    expect(game.points[0].decomposition.length).toBe(4 * 8); // every profile but mutual competition, in every lens
    const csv = readFileSync(join(out, 'payoffs.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('point,profile,replication,region,lens,payoff,change_vs_counterfactual');
    expect(csv.length - 2).toBe(9 * 4 * 2 * 3); // profiles x lenses x regions x replications, a header and a final newline
    expect(readFileSync(join(out, 'decomposition.csv'), 'utf8').split('\n')[0]).toBe('point,lens,profile,reference,region,part,mean_difference,ci_low,ci_high');
    for (const f of ['payoff-matrix.png', 'payoff-matrix-welfare.svg', 'decomposition-objective.svg', 'decomposition-welfare.png', 'replicator.svg', 'phase-line.png', 'report.html'])
      expect(existsSync(join(out, 'charts', f)), f).toBe(true);

    // replicator and match take the sub-game's payoffs from the folder, in the lens asked for.
    const replicator = runCli(['replicator', '--game', out, '--lens', 'welfare', '--json']);
    expect(replicator.status, replicator.stderr).toBe(0);
    expect(JSON.parse(replicator.stdout).restPoints.length).toBeGreaterThanOrEqual(4);
    const text = runCli(['replicator', '--game', out]);
    expect(text.stdout).toMatch(/objective lens/);
    const match = runCli(['match', '--game', out, '--lens', 'gdp', '--turns', '10', '--players', 'tit-for-tat,grim']);
    expect(match.status, match.stderr).toBe(0);
    expect(match.stdout).toMatch(/gdp lens: each government's T, R, P, S relative to its own mutual-cooperation payoff/);
    const both = runCli(['match', '--game', out, '--payoffs', '3,0,5,1', '--turns', '10', '--players', 'tit-for-tat,grim']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/either --payoffs or --game/);
    const notGame = runCli(['replicator', '--game', join(out, 'charts')]);
    expect(notGame.status).toBe(2);
    expect(notGame.stderr).toMatch(/game\.json: cannot read it/);
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

  it('rejects unknown strategies and parameter paths with exit code 2 (in-process)', async () => {
    const out = join(tmp(), 'out');
    const strategy = await runCliInProcess(['game', SCENARIO, '--strategies', 'cooperate,collude', '--out', out]);
    expect(strategy.status).toBe(2);
    expect(strategy.stderr).toMatch(/^error: .*collude/);
    const typo = await runCliInProcess(['game', SCENARIO, '--sweep', 'fund.levrage=0,1', '--out', out]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('fund.leverage');
    expect(existsSync(out)).toBe(false);
  });
});

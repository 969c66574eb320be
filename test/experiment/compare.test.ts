import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/experiment/paired.js';
import { runCli } from '../helpers/cli.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');

describe('paired differences', () => {
  it('match a hand-computed paired t test', () => {
    // d = b - a = [1, 2, 3]: mean 2, sd 1, se 1/sqrt(3), t = 3.4641; t(0.975, 2) = 4.302653
    const r = pairedDifference([0, 0, 0], [1, 2, 3]);
    expect(r.difference).toBe(2);
    expect(r.t).toBeCloseTo(2 * Math.sqrt(3), 10);
    expect(r.ciLow).toBeCloseTo(2 - 4.302652729749464 / Math.sqrt(3), 8);
    expect(r.ciHigh).toBeCloseTo(2 + 4.302652729749464 / Math.sqrt(3), 8);
    expect(r.p).toBeCloseTo(0.07417990022744847, 6); // two-sided, 2 df
  });
  it('are exactly zero for identical inputs', () => {
    expect(pairedDifference([1.5, 2.5], [1.5, 2.5])).toMatchObject({ difference: 0, ciLow: 0, ciHigh: 0, t: 0, p: 1 });
  });
});

describe('chuanyu compare', () => {
  it('gives differences of exactly zero for identical scenarios', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chuanyu-compare-')), 'same');
    const result = runCli(['compare', SCENARIO, SCENARIO, '-r', '3', '--out', out, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('scenario,reference,region,metric,statistic,n,mean_reference,mean_scenario,difference,ci_low,ci_high,t,p');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells.slice(8, 13), line).toEqual(['0', '0', '0', '0', '1']);
    }
  });

  it('reports a real difference between competition and cooperation', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chuanyu-compare-')), 'cc');
    const result = runCli(['compare', 'compete', 'cooperate', '-r', '8', '--out', out]); // demand cycles make 4 too few to tell similarity apart
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('similarity, final');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const sim = summary.differences.find((d: any) => d.metric === 'similarity' && d.region === 'zone' && d.statistic === 'final');
    expect(sim.difference).toBeLessThan(0); // cooperation is less similar than competition
    expect(sim.ciHigh).toBeLessThan(0);
  });

  it('needs two scenarios', () => {
    const result = runCli(['compare', 'baseline']);
    expect(result.status).toBe(2);
  });
});

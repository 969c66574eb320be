/**
 * `chuanyu calibrate` end to end on a tiny scenario, in-process through the
 * action function: the folder's files, a calibrated.yaml that loads and holds
 * the fitted values, the hold-out error, the same result with any number of
 * workers, and clear errors for a scenario that cannot be calibrated.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { calibrateAction } from '../../src/cli/actions/calibrate-action.js';
import { calibrateCommand } from '../../src/cli/commands/calibrate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { getPath } from '../../src/scenario/merge.js';
import { UserError } from '../../src/scenario/errors.js';
import type { CalibrationSummary } from '../../src/experiment/calibration/summary.js';
import { parseTargetCsv } from '../../src/experiment/calibration/target.js';
import { renderCalibrationReport } from '../../src/report/calibration/report.js';

const SMALL = fileURLToPath(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'chuanyu-calibrate-'));

/** A target the small world can roughly reach: similarity falling from 0.58 to 0.46 over 2020-2031. */
const TARGET_CSV = 'year,value\n2020,0.58\n2022,0.56\n2024,0.54\n2026,0.52\n2028,0.49\n2031,0.46\n';

function scenarioFile(name: string, calibrate: string, extra = ''): string {
  const dir = mkdtempSync(join(root, `${name}-`));
  writeFileSync(join(dir, 'target.csv'), TARGET_CSV);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `extends: ${JSON.stringify(SMALL)}\nname: ${name}\n${calibrate}${extra}`);
  return file;
}

const CALIBRATE = `calibrate:
  parameters:
    agglomeration.localization: [0.02, 0.25]
    sectors.electronics.demandGrowth: [0.03, 0.12]
  targetFile: target.csv
  replications: 2
  iterations: 10
`;

const quietRun = (scenario: string, out: string, more: Partial<Parameters<typeof calibrateAction>[0]> = {}) =>
  calibrateAction({ scenario, out, quiet: true, workers: 1, log: () => {}, ...more });

describe('chuanyu calibrate (action, in-process)', () => {
  const file = scenarioFile('tiny', CALIBRATE);
  const out = join(root, 'out-holdout');
  let summary: CalibrationSummary;

  it('fits, validates and writes its folder', async () => {
    const result = await quietRun(file, out, { holdout: 2 });
    expect(result.complete).toBe(true);
    summary = result.summary!;
    for (const f of ['calibrated.yaml', 'fit.csv', 'summary.json', 'fit.vl.json', 'fit.svg', 'fit.png', 'convergence.png', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(summary.optimizer.evaluations).toBe(10);
    expect(summary.runs).toBe(10 * 2 + 2);
    // The start is evaluated first, so the fit is never worse than the scenario as written.
    expect(summary.errors.inSample).toBeLessThanOrEqual(summary.errors.start);
    expect(summary.history[0].evaluations).toBe(1);
    expect(summary.history[0].best).toBe(summary.errors.start);
    for (const p of summary.parameters) {
      expect(p.fitted).toBeGreaterThanOrEqual(p.lower);
      expect(p.fitted).toBeLessThanOrEqual(p.upper);
    }
    expect(summary.seeds.validation.seed).toBe(summary.seeds.fitting.seed + 1000);
  });

  it('reports the hold-out error and marks held-out points in fit.csv', () => {
    expect(summary.target.holdout).toBe(2);
    expect(summary.errors.holdout).not.toBeNull();
    expect(summary.errors.holdout!.freshSeeds).toBeGreaterThan(0);
    const lines = readFileSync(join(out, 'fit.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('year,target,mean,p05,p95,in_fit,mean_fitting_seeds');
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual(['1', '1', '1', '1', '0', '0']);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([2020, 2022, 2024, 2026, 2028, 2031]);
    expect(summary.coverage.total).toBe(6);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('honest out-of-sample error');
    expect(html).toContain(summary.errors.holdout!.freshSeeds.toFixed(3));
    expect(html).toContain(summary.errors.inSample.toFixed(3));
  });

  it('writes a calibrated.yaml that loads and holds the fitted values', async () => {
    const text = readFileSync(join(out, 'calibrated.yaml'), 'utf8');
    expect(text).toMatch(/^# tiny-calibrated: /);
    expect(text).toContain(`# Reproduce: chuanyu calibrate ${file} --holdout 2 --iterations 10 --replications 2 --seed 1`);
    expect(text).toMatch(/^extends: \.\.\/tiny-[^/]+\/tiny\.yaml$/m);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no date
    const loaded = await loadScenario(join(out, 'calibrated.yaml'));
    expect(loaded.scenario.name).toBe('tiny-calibrated');
    const fitted = Object.fromEntries(summary.parameters.map((p) => [p.path, p.fitted]));
    expect(loaded.scenario.agglomeration.localization).toBe(fitted['agglomeration.localization']);
    expect(loaded.scenario.sectors.find((s) => s.id === 'electronics')!.demandGrowth).toBe(fitted['sectors.electronics.demandGrowth']);
    // Everything else is the parent's.
    const parent = await loadScenario(file);
    expect(loaded.scenario.sectors.map((s) => s.id)).toEqual(parent.scenario.sectors.map((s) => s.id));
    expect(loaded.scenario.sectors.filter((s) => s.id !== 'electronics')).toEqual(parent.scenario.sectors.filter((s) => s.id !== 'electronics'));
    expect(getPath(loaded.scenario, 'initial.firms')).toBe(400);
  });

  it('re-renders the same report from summary.json, naming the final folder', async () => {
    const before = readFileSync(join(out, 'report.html'), 'utf8');
    expect(before).not.toContain('.tmp-');
    expect(before).toContain('out-holdout');
    await renderCalibrationReport(out);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(before);
  });

  it('gives the same summary with two workers', async () => {
    const two = join(root, 'out-two-workers');
    await quietRun(file, two, { holdout: 2, workers: 2 });
    const strip = (s: string) => s.replace(/"file": "[^"]*"/g, '');
    expect(strip(readFileSync(join(two, 'summary.json'), 'utf8'))).toBe(strip(readFileSync(join(out, 'summary.json'), 'utf8')));
  });

  it('has no hold-out error without --holdout, and reads the target from the scenario when no file is named', async () => {
    const target = `target:\n  metric: similarity\n  source: made up\n  points:\n    - { year: 2021, value: 0.57 }\n    - { year: 2025, value: 0.52 }\n    - { year: 2030, value: 0.47 }\n`;
    const own = scenarioFile('own-target', CALIBRATE.replace('  targetFile: target.csv\n', '').replace('iterations: 10', 'iterations: 4'), target);
    const result = await quietRun(own, join(root, 'out-own'));
    expect(result.summary!.errors.holdout).toBeNull();
    expect(result.summary!.target.points.map((p) => p.year)).toEqual([2021, 2025, 2030]);
    expect(result.summary!.target.source).toBe('made up');
    expect(readFileSync(join(root, 'out-own', 'report.html'), 'utf8')).toContain('No target years were held out');
  });

  it('rounds whole-number parameters', async () => {
    const f = scenarioFile('whole', `calibrate:\n  parameters:\n    policy.hotSectors: [1, 6]\n  targetFile: target.csv\n  replications: 1\n  iterations: 6\n`);
    const result = await quietRun(f, join(root, 'out-whole'));
    const p = result.summary!.parameters[0];
    expect(p.integer).toBe(true);
    expect(Number.isInteger(p.fitted)).toBe(true);
    const loaded = await loadScenario(join(root, 'out-whole', 'calibrated.yaml'));
    expect(loaded.scenario.policy.hotSectors).toBe(p.fitted);
  });

  it('refuses a scenario without a calibrate: section, naming the file', async () => {
    await expect(quietRun(SMALL, join(root, 'never'))).rejects.toThrow(/small-cooperate\.yaml.*no `calibrate:` section/);
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('refuses impossible settings with clear messages', async () => {
    const bad = async (calibrate: string, pattern: RegExp, more: Partial<Parameters<typeof calibrateAction>[0]> = {}) => {
      const f = scenarioFile('bad', calibrate);
      const error = await quietRun(f, join(root, 'never'), more).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(pattern);
    };
    await bad(CALIBRATE, /cannot hold out 6 of 6 target points/, { holdout: 6 });
    await bad(CALIBRATE.replace('agglomeration.localization', 'agglomeration.localisation'), /not a scenario parameter \(did you mean "agglomeration.localization"\?\)/);
    await bad(CALIBRATE.replace('sectors.electronics', 'sectors.electronix'), /no item "electronix" in sectors/);
    await bad(CALIBRATE.replace('[0.02, 0.25]', '[0.3, 0.1]'), /lower < upper/);
    await bad(CALIBRATE.replace('[0.03, 0.12]', '[-0.5, 0.12]').replace('sectors.electronics.demandGrowth', 'fund.leverage'), /bounds allow an invalid scenario/);
    await bad(CALIBRATE.replace('target.csv', 'missing.csv'), /cannot read the target file "missing.csv"/);
  });

  it('reads target CSV files and names the line of a bad value', async () => {
    expect(parseTargetCsv('\uFEFFYear,Value\r\n1978,0.83\r\n\r\n1993,0.76\r\n', 't.csv')).toEqual([
      { year: 1978, value: 0.83 },
      { year: 1993, value: 0.76 },
    ]);
    expect(() => parseTargetCsv('year,value\n1978,0.83\n1993,high\n', 't.csv')).toThrow(/t\.csv:3:1: expected a number/);
    expect(() => parseTargetCsv('when,value\n1978,0.83\n', 't.csv')).toThrow(/must name the columns "year" and "value"/);
    // The shipped Table 1 file holds the same points as the historical scenario's target.
    const shipped = parseTargetCsv(readFileSync(fileURLToPath(new URL('../../scenarios/targets/table1-similarity.csv', import.meta.url)), 'utf8'), 'table1');
    const historical = await loadScenario(fileURLToPath(new URL('../../scenarios/historical.yaml', import.meta.url)));
    expect(shipped).toEqual(historical.scenario.target!.points);
  });

  it('runs through the yargs command', async () => {
    const dir = join(root, 'out-yargs');
    await yargs(['calibrate', file, '--holdout', '1', '--iterations', '3', '-r', '1', '--workers', '1', '--out', dir, '--quiet']).command(calibrateCommand).strict().parseAsync();
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as CalibrationSummary;
    expect(s.command).toBe(`chuanyu calibrate ${file} --holdout 1 --iterations 3 --replications 1 --seed 1`);
    expect(s.optimizer.evaluations).toBe(3);
    expect(s.target.holdout).toBe(1);
  });
});

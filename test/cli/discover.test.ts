/**
 * `chuanyu discover` on small real folders: a sweep (one numeric and one
 * categorical parameter, 2 replications) and a Morris sensitivity analysis,
 * then discover through real argument parsing, in-process: the folder it
 * writes, boxes.json read back through its format, valid charts, and clear
 * errors for a bad condition, an unknown name and a folder that is not one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { sensitivityAction } from '../../src/cli/actions/sensitivity-action.js';
import { sweepAction } from '../../src/cli/actions/sweep-action.js';
import { discoverSlug } from '../../src/cli/actions/discover-action.js';
import { readBoxesJson } from '../../src/results/discover-files.js';
import { runCliInProcess } from '../helpers/cli.js';
import { compileWithWarnings, validate } from '../report/vega-helpers.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
let root: string;
let sweep: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chuanyu-discover-'));
  sweep = join(root, 'sweep');
  await sweepAction({ scenario: SCENARIO, params: ['fund.leverage=0,1,2', 'governments.sichuan.strategy=cooperate,compete'], replications: 2, workers: 1, quiet: true, out: sweep });
}, 120_000);

describe('chuanyu discover on a sweep', () => {
  it('writes boxes.json, trajectory.csv, summary.md, the charts and report.html into DIR/discover-<condition>', async () => {
    const result = await runCliInProcess(['discover', sweep, '--where', 'lens.welfare == win-win or welfare_change.sichuan > 0', '--boxes', '2']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = join(sweep, discoverSlug('lens.welfare == win-win or welfare_change.sichuan > 0'));
    expect(out.endsWith('discover-lens-welfare-win-win-or-welfare-change-sichuan-0')).toBe(true);
    expect(result.stdout).toMatch(/^lens\.welfare == win-win or welfare_change\.sichuan > 0 holds in \d+% of all 12 runs/);
    for (const f of ['boxes.json', 'trajectory.csv', 'summary.md', 'report.html', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(true);
    // Provenance: the analysed runs' scenario and design (the sweep's), this command line; shown in the report.
    const provenance = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).provenance;
    const sweepProvenance = JSON.parse(readFileSync(join(sweep, 'manifest.json'), 'utf8')).provenance;
    expect(provenance.scenarios).toEqual(sweepProvenance.scenarios);
    expect(provenance.design).toEqual(sweepProvenance.design);
    expect(provenance.commandLine).toMatch(/^chuanyu discover /);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Provenance');
    const file = await readBoxesJson(out);
    expect(file.rows).toBe(12);
    expect(file.dimensions.map((d) => [d.name, d.kind])).toEqual([
      ['fund.leverage', 'numeric'],
      ['governments.sichuan.strategy', 'categorical'],
    ]);
    expect(file.settings).toEqual({ alpha: 0.05, minMass: 0.05, minCoverage: 0.5, boxes: 2, step: null, maxDepth: 3 });
    expect(file.command).toBe(`chuanyu discover ${sweep} --where 'lens.welfare == win-win or welfare_change.sichuan > 0' --boxes 2 --alpha 0.05 --min-mass 0.05 --min-coverage 0.5 --depth 3`);
    const csv = readFileSync(join(out, 'trajectory.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('box,step,selected,rows,cases,coverage,density,mass,restricted_dimensions,limits');
    expect(csv.length - 1).toBe(file.boxes.reduce((n, b) => n + b.trajectory.length, 0));
    for (const box of file.boxes) {
      expect(box.trajectory[0].rows).toBe(box.inPlay.rows);
      expect(box.cases).toBeLessThanOrEqual(box.rows);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('lens.welfare == win-win or welfare_change.sichuan &gt; 0');
    expect(existsSync(join(out, 'trajectory.vl.json'))).toBe(true);
    for (const name of ['trajectory', 'box-limits']) {
      const path = join(out, `${name}.vl.json`);
      if (!existsSync(path)) continue; // box-limits only when a box restricts a parameter
      const spec = JSON.parse(readFileSync(path, 'utf8')) as TopLevelSpec;
      expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
      expect(compileWithWarnings(spec)).toEqual([]);
    }
  });

  it('refuses to overwrite an earlier discovery without --force, and replaces it with --force', async () => {
    const out = join(root, 'again');
    expect((await runCliInProcess(['discover', sweep, '--where', 'both-gain-welfare', '-o', out, '-q'])).status).toBe(0);
    const refused = await runCliInProcess(['discover', sweep, '--where', 'both-gain-welfare', '-o', out, '-q']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect((await runCliInProcess(['discover', sweep, '--where', 'both-gain-welfare', '-o', out, '-q', '--force'])).status).toBe(0);
    expect((await readBoxesJson(out)).condition.words).toBe('both regions gain in welfare against the counterfactual');
  });

  it('says where a condition is wrong and lists the closest names', async () => {
    const syntax = await runCliInProcess(['discover', sweep, '--where', 'welfare_change.sichuan >']);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toMatch(/at character 25: expected a name or a number, found the end of the condition/);
    const unknown = await runCliInProcess(['discover', sweep, '--where', 'welfare_chnge.sichuan > 0']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown name "welfare_chnge.sichuan"; closest: welfare_change.sichuan, /);
    const names = await runCliInProcess(['discover', sweep, '--names']);
    expect(names.status).toBe(0);
    expect(names.stdout).toMatch(/^ {2}welfare_change\.sichuan$/m);
    expect(names.stdout).toMatch(/^ {2}both-gain-welfare: both regions gain in welfare against the counterfactual \(welfare_change\.chongqing > 0 and welfare_change\.sichuan > 0\)$/m);
    const box = await runCliInProcess(['discover', sweep, '--where', 'both-gain-welfare', '--box', '999', '-o', join(root, 'box')]);
    expect(box.status).toBe(2);
    expect(box.stderr).toMatch(/--box 999: step 999 is not on the peeling trajectory/);
  });

  it('reads boxes.json back only when it is one (a damaged file names the file and the field), and redraws the report from it', async () => {
    const out = join(root, 'damaged');
    expect((await runCliInProcess(['discover', sweep, '--where', 'both-gain-welfare', '-o', out, '-q'])).status).toBe(0);
    const redrawn = await runCliInProcess(['report', out]);
    expect(redrawn.status).toBe(0);
    expect(redrawn.stdout).toMatch(/Rendered \d charts?: trajectory/);
    const json = JSON.parse(readFileSync(join(out, 'boxes.json'), 'utf8'));
    writeFileSync(join(out, 'boxes.json'), JSON.stringify({ ...json, rows: 'twelve' }));
    await expect(readBoxesJson(out)).rejects.toThrow(/boxes\.json: rows: not a scenario discovery: expected a number, found "twelve"/);
  });

  it('refuses a folder that is not a sweep or sensitivity folder', async () => {
    const result = await runCliInProcess(['discover', root, '--where', 'both-gain-welfare']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a sweep or sensitivity folder/);
  });
});

describe('chuanyu discover on a sensitivity folder', () => {
  it('reads the per-replication results of its points', async () => {
    const dir = join(root, 'sensitivity');
    await sensitivityAction({ scenario: SCENARIO, params: ['fund.leverage=0:2', 'policy.fundShare=0.1:0.5'], method: 'morris', samples: 2, replications: 1, workers: 1, quiet: true, out: dir, bootstrap: 0 });
    const result = await runCliInProcess(['discover', dir, '--where', 'zone-gains-gdp', '-q']);
    expect(result.status).toBe(0);
    const file = await readBoxesJson(join(dir, 'discover-zone-gains-gdp'));
    expect(file.source.kind).toBe('sensitivity');
    expect(file.rows).toBe(6);
    expect(file.dimensions.every((d) => d.kind === 'numeric')).toBe(true);
  }, 120_000);
});

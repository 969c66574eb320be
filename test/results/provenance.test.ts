/**
 * Provenance: the canonical scenario hash, the quoted command line, the record
 * round-trips through its schema and a manifest, and `chuanyu report` shows it
 * (escaped) while a folder written before it still renders.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandProvenance } from '../../src/cli/provenance.js';
import { reportAction } from '../../src/cli/actions/report-action.js';
import { buildExperimentHtml } from '../../src/report/common/page.js';
import { canonicalJson, commandLineOf, provenanceOf, provenanceSchema, type Provenance } from '../../src/results/provenance-format.js';
import { readFolderProvenance, scenarioSha256 } from '../../src/results/provenance.js';
import { RUN_MANIFEST } from '../../src/results/run-format.js';
import { checkJson } from '../../src/results/file-format.js';
import { loadScenario } from '../../src/scenario/load.js';
import { makeResultsFolder } from '../report/fixture.js';

const HOSTILE: Provenance = {
  scenarios: [{ name: 'a<b>&"c"', sha256: 'a'.repeat(64) }],
  commandLine: commandLineOf(['run', '<script>alert(1)</script>', '--out', "it's here"]),
  design: { sampler: 'grid<i>', sampleSize: 3, seed: 7, replications: 2 },
  packageVersion: '0.0.0-test',
};

describe('the scenario hash', () => {
  it('does not depend on key order and changes with any value', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 3 }], x: null } };
    const b = { a: { x: null, y: [1, { p: 3, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":3,"q":2}]},"b":1}');
    expect(scenarioSha256(a)).toBe(scenarioSha256(b));
    expect(scenarioSha256(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioSha256({ ...b, b: 2 })).not.toBe(scenarioSha256(a));
  });

  it('is the same for the same scenario loaded twice, and differs between scenarios', async () => {
    const one = await loadScenario('cooperate');
    const two = await loadScenario('cooperate');
    expect(scenarioSha256(one.scenario)).toBe(scenarioSha256(two.scenario));
    expect(scenarioSha256((await loadScenario('compete')).scenario)).not.toBe(scenarioSha256(one.scenario));
  });
});

describe('the provenance record', () => {
  it('quotes the command line for a shell', () => {
    expect(commandLineOf(['sweep', 'cooperate', '-p', 'fund.leverage=0:1:0.5', '--out', 'my results'])).toBe("chuanyu sweep cooperate -p fund.leverage=0:1:0.5 --out 'my results'");
    expect(commandLineOf(["it's"])).toBe(`chuanyu 'it'\\''s'`);
  });

  it('round-trips through its schema and a run manifest; a manifest without one gives null', async () => {
    const { scenario } = await loadScenario('cooperate');
    const p = commandProvenance([{ name: scenario.name, resolved: scenario }], { sampler: 'single', sampleSize: 1, seed: 1, replications: 3 }, ['run', 'cooperate', '-r', '3']);
    expect(provenanceSchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(p.commandLine).toBe('chuanyu run cooperate -r 3');
    expect(p.scenarios).toEqual([{ name: 'cooperate', sha256: scenarioSha256(scenario) }]);
    expect(p.packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    const manifest = { scenario: 'cooperate', scenarioFile: null, seed: 1, replications: 3, packageVersion: 'x', gitCommit: null, node: 'v20', platform: 'linux', startedAt: '', wallTimeSeconds: 0, resolvedScenario: {} };
    expect(provenanceOf(checkJson(JSON.parse(JSON.stringify({ ...manifest, provenance: p })), 'manifest.json', RUN_MANIFEST))).toEqual(p);
    expect(provenanceOf(checkJson(manifest, 'manifest.json', RUN_MANIFEST))).toBeNull();
    expect(() => checkJson({ ...manifest, provenance: { ...p, scenarios: [{ name: 'x', sha256: 'nope' }] } }, 'manifest.json', RUN_MANIFEST)).toThrow(/provenance\.scenarios\.0\.sha256/);
  });
});

describe('provenance in report.html', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeResultsFolder({ plain: true });
  });
  afterAll(async () => {
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it('renders a folder written before provenance was recorded, with no block', async () => {
    expect(await readFolderProvenance(dir)).toBeNull();
    const { report } = await reportAction({ resultsDir: dir, formats: ['vl'], quiet: true });
    expect(await readFile(report, 'utf8')).not.toContain('id="provenance"');
  });

  it('shows the manifest\'s provenance, escaped', async () => {
    const file = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...manifest, provenance: HOSTILE }, null, 2));
    expect(await readFolderProvenance(dir)).toEqual(HOSTILE);
    const { report } = await reportAction({ resultsDir: dir, formats: ['vl'], quiet: true });
    const html = await readFile(report, 'utf8');
    expect(html).toContain('<a href="#provenance">Provenance</a>');
    const block = html.slice(html.indexOf('<section id="provenance"'), html.indexOf('</section>', html.indexOf('<section id="provenance"')));
    expect(block).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(block).toContain('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(block).toContain(`sha256 <code>${'a'.repeat(64)}</code>`);
    expect(block).toContain('sampler grid&lt;i&gt;, 3 points, seed 7, 2 replications a point');
    expect(block).toContain('chuanyu-sim 0.0.0-test');
    expect(html).not.toContain('<script>');
  });

  it('is a last section of every experiment page when given', () => {
    const page = { title: 't', documentTitle: 't', lede: [], meta: [], sections: [], charts: [], footer: '' };
    expect(buildExperimentHtml(page)).not.toContain('Provenance');
    const html = buildExperimentHtml({ ...page, provenance: HOSTILE });
    expect(html).toMatch(/<section id="provenance"[^]*<\/section>\n<\/main>/);
    expect(html).toContain('&lt;script&gt;');
  });
});

/**
 * End to end: the built explorer (dist-web) in Debian's headless Chromium,
 * driven by playwright-core and served by a tiny static server on 127.0.0.1.
 * Loads the page, moves a slider and sees the charts change, plays three years,
 * computes the game, exports a scenario that `chuanyu run` accepts, and keeps
 * screenshots in test/web/artifacts/. Skipped when /usr/bin/chromium is missing
 * (`.ci/install-chromium.sh` installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test/web/artifacts');
const distWeb = join(root, 'dist-web');
const cli = join(root, 'dist/cli/main.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

describe.skipIf(!existsSync(CHROMIUM))('explorer in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const tmp = mkdtempSync(join(tmpdir(), 'chuanyu-web-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Always rebuild: a second and no stale bundle. (dist/ is built by the suite's global setup.)
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'pipe' });
    expect(existsSync(join(distWeb, 'index.html'))).toBe(true);
    server = await serveStatic(distWeb);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    // No external network: anything not on our server is refused.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    mkdirSync(artifacts, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const chartsRun = async () => Number(await page.locator('#charts').getAttribute('data-run'));
  const waitForRun = (n: number) => page.waitForFunction((k) => Number(document.getElementById('charts')?.dataset.run) >= k, n, { timeout: 120_000 });

  it('loads a scenario, redraws the charts when a slider moves, and encodes the settings in the URL', async () => {
    await page.goto(`${server.url}?scenario=cooperate&steps=20`);
    await expect.poll(() => page.locator('#scenario-title').textContent()).toContain('cooperate');
    await waitForRun(1);
    expect(await page.locator('#chart-similarity svg').count()).toBe(1);
    // The project's own report charts (src/report/charts) are drawn for the same runs.
    await page.locator('#report-similarity svg').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('#report-charts figure').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#chart-winwin svg').count()).toBe(1);
    const before = await page.locator('#chart-value-added svg').innerHTML();
    const similarityBefore = await page.locator('#summary').getAttribute('data-similarity');
    const run = await chartsRun();
    // Keyboard on the slider: End moves border friction to its maximum.
    await page.locator('#lever-psi').focus();
    await page.keyboard.press('End');
    await page.locator('#gov-chongqing').selectOption('compete');
    await waitForRun(run + 1);
    await page.waitForFunction(() => !document.getElementById('charts')!.classList.contains('stale'), null, { timeout: 120_000 });
    const after = await page.locator('#chart-value-added svg').innerHTML();
    expect(after).not.toBe(before);
    expect(await page.locator('#summary').getAttribute('data-similarity')).not.toBe(similarityBefore);
    const url = new URL(page.url());
    expect(url.searchParams.get('psi')).toBe('1');
    expect(url.searchParams.get('gov.chongqing')).toBe('compete');
    expect(url.searchParams.get('steps')).toBe('20');
    await page.screenshot({ path: join(artifacts, 'explorer.png'), fullPage: true });
  }, 300_000);

  it('restores the settings from a shared URL', async () => {
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('#lever-psi').inputValue()).toBe('1');
    expect(await other.locator('#gov-chongqing').inputValue()).toBe('compete');
    expect(await other.locator('#lever-steps').inputValue()).toBe('20');
    await other.close();
  }, 120_000);

  it('plays three years against tit-for-tat and shows the score', async () => {
    await page.locator('#tab-play').click();
    await page.locator('#play-region').selectOption({ label: 'Sichuan' });
    await page.locator('#play-opponent').selectOption('tit-for-tat');
    await page.locator('#play-start').click();
    await page.waitForFunction(() => document.getElementById('play-board')?.dataset.years === '0');
    for (const [i, move] of (['compete', 'cooperate', 'cooperate'] as const).entries()) {
      await page.locator(`.move[data-move=${move}]`).click();
      await page.waitForFunction((k) => document.getElementById('play-board')?.dataset.years === String(k), i + 1, { timeout: 60_000 });
    }
    const rows = page.locator('#play-table tbody tr');
    expect(await rows.count()).toBe(3);
    // Tit-for-tat starts cooperating and then copies Sichuan's previous move.
    const chongqing = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2].textContent));
    expect(chongqing).toEqual(['cooperate', 'compete', 'cooperate']);
    expect(await page.locator('#chart-play svg').count()).toBe(1);
    await page.locator('#play-score-now').click();
    await page.locator('#play-score .score').waitFor({ timeout: 60_000 });
    expect(await page.locator('#play-score').textContent()).toMatch(/If both had cooperated[\s\S]*If both had competed/);
    await page.screenshot({ path: join(artifacts, 'explorer-play.png'), fullPage: true });
  }, 300_000);

  it('shows the 2x2 game with its equilibria and type in words', async () => {
    await page.locator('#tab-game').click();
    await page.locator('#game-run').click();
    await page.locator('#game-sentence').waitFor({ timeout: 240_000 });
    expect((await page.locator('#game-sentence').textContent())!.length).toBeGreaterThan(10);
    expect(await page.locator('.matrix td').count()).toBe(4);
    await page.screenshot({ path: join(artifacts, 'explorer-game.png'), fullPage: true });
  }, 300_000);

  it('exports scenarios that `chuanyu run` accepts', async () => {
    await page.locator('#tab-explore').click();
    // Extends the shipped scenario by name: the CLI resolves it next to the shipped scenarios.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const scenarios = join(tmp, 'scenarios');
    mkdirSync(scenarios);
    for (const f of readdirSync(join(root, 'scenarios'))) if (f.endsWith('.yaml')) copyFileSync(join(root, 'scenarios', f), join(scenarios, f));
    const exported = join(scenarios, download.suggestedFilename());
    await download.saveAs(exported);
    const text = readFileSync(exported, 'utf8');
    expect(text).toMatch(/^extends: cooperate$/m);
    const runOne = (file: string, out: string) => spawnSync(process.execPath, [cli, 'run', file, '-r', '1', '--out', out, '-q'], { cwd: tmp, encoding: 'utf8' });
    const a = runOne(exported, join(tmp, 'out-extends'));
    expect(a.status, a.stderr).toBe(0);
    // Self-contained: runs from any folder.
    await page.locator('#export-standalone').check();
    const [download2] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const standalone = join(tmp, `standalone-${download2.suggestedFilename()}`);
    await download2.saveAs(standalone);
    expect(readFileSync(standalone, 'utf8')).not.toMatch(/^extends:/m);
    const b = runOne(standalone, join(tmp, 'out-standalone'));
    expect(b.status, b.stderr).toBe(0);
  }, 300_000);

  it('loads a scenario file from disk', async () => {
    const text = 'extends: cooperate\nname: my-class\ntitle: "My class scenario"\ndescription: A file from disk.\nfriction: { border: 0.11 }\n';
    const run = await chartsRun();
    await page.locator('#scenario-file').setInputFiles({ name: 'my-class.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await expect.poll(() => page.locator('#scenario-title').textContent()).toBe('My class scenario');
    expect(await page.locator('#scenario').inputValue()).toBe('my-class');
    expect(await page.locator('#lever-friction').inputValue()).toBe('0.11');
    await waitForRun(run + 1);
    expect(await page.locator('#error').isHidden()).toBe(true);
  }, 120_000);

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#tab-explore').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(artifacts, 'explorer-narrow.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

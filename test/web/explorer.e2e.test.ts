/**
 * End to end: the built explorer (dist-web) in Debian's headless Chromium,
 * driven by playwright-core and served by a tiny static server on 127.0.0.1.
 * Loads the page, moves a slider and sees the charts change, plays three years,
 * computes the game, exports a scenario that `chuanyu run` accepts, and keeps
 * screenshots in test/web/artifacts/. Every chart's title lies inside its SVG
 * (measured, at desktop and phone widths); the fund's levers are disabled while
 * the fund is off; a scenario's note on illustrative numbers is shown. Skipped when /usr/bin/chromium is missing
 * (`.ci/install-chromium.sh` installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serveStatic } from './static-server.js';
import { CHROMIUM, chromiumMissing, skipBecause } from '../helpers/skip.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test/web/artifacts');
const distWeb = join(root, 'dist-web');
const cli = join(root, 'dist/cli/main.js');
const PAYLOAD = join(root, 'test/fixtures/payload/payload.yaml');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

describe.skipIf(skipBecause(chromiumMissing(), 'explorer in headless Chromium'))('explorer in headless Chromium', () => {
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
    // The page's Content-Security-Policy must not block anything the explorer itself does.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
    });
    mkdirSync(artifacts, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Charts (by box id) whose title's box is not inside the chart's SVG: a clipped title. */
  const clippedTitles = (within: string) =>
    page.locator(`${within} svg`).evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const title = svg.querySelector('.role-title-text');
        if (!title) return [`${svg.parentElement?.id}: no title`];
        const s = svg.getBoundingClientRect();
        const t = title.getBoundingClientRect();
        const inside = t.top >= s.top - 0.5 && t.bottom <= s.bottom + 0.5 && t.left >= s.left - 0.5 && t.right <= s.right + 0.5 && t.width > 0;
        return inside ? [] : [`${svg.parentElement?.id}: title [${t.left}, ${t.top}, ${t.right}, ${t.bottom}] outside svg [${s.left}, ${s.top}, ${s.right}, ${s.bottom}]`];
      }),
    );
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
    expect(await page.locator('#chart-strategies svg').count()).toBe(1);
    expect(await clippedTitles('#charts')).toEqual([]);
    // cooperate extends baseline, whose numbers are illustrative: said where the scenario is shown.
    expect(await page.locator('#scenario-illustrative').isVisible()).toBe(true);
    expect(await page.locator('#scenario-illustrative').textContent()).toMatch(/^Illustrative numbers: .*not\s+statistics/);
    // The URL moved the horizon: the shipped description is not shown as if it still held (issue 13).
    const shippedDescription = (parse(readFileSync(join(root, 'scenarios/cooperate.yaml'), 'utf8')) as { description: string }).description.trim();
    expect(shippedDescription.length).toBeGreaterThan(20);
    expect(await page.locator('#scenario-description').textContent()).toMatch(/^Based on ".+": Horizon \(years\): 20 \(was \d+\)\.$/);
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
    const description = await page.locator('#scenario-description').textContent();
    expect(description).toMatch(/^Based on ".*": .*Poaching share psi: 1 \(was .*Chongqing's government: compete \(was cooperate\)/);
    expect(description).not.toContain(shippedDescription.slice(0, 40));
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

  it('disables the fund\'s levers, with a note, while the fund is off', async () => {
    const fundLevers = ['fundSize', 'leverage', 'reinvestment', 'phi'];
    const disabled = () => Promise.all(fundLevers.map((k) => page.locator(`#lever-${k}`).isDisabled()));
    expect(await disabled()).toEqual([false, false, false, false]);
    expect(await page.locator('#fund-off-note').isHidden()).toBe(true);
    await page.locator('#fund-enabled').uncheck();
    expect(await disabled()).toEqual([true, true, true, true]);
    expect(await page.locator('#lever-friction').isDisabled()).toBe(false);
    const note = page.locator('#fund-off-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^The joint fund is off .*no effect/);
    expect(await page.locator('#lever-fundSize').getAttribute('aria-describedby')).toContain('fund-off-note');
    expect(new URL(page.url()).searchParams.get('fund')).toBe('0');
    await page.locator('#levers').screenshot({ path: join(artifacts, 'explorer-fund-off.png') });
    await page.locator('#fund-enabled').check();
    expect(await disabled()).toEqual([false, false, false, false]);
    expect(await note.isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('fund')).toBeNull();
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
    expect(await page.locator('#chart-play-strategies svg').count()).toBe(1);
    await expect.poll(() => clippedTitles('#panel-play')).toEqual([]);
    await page.locator('#play-score-now').click();
    await page.locator('#play-score .score').waitFor({ timeout: 120_000 });
    expect(await page.locator('#play-score').textContent()).toMatch(/If both had cooperated[\s\S]*If both had competed/);
    expect(await page.locator('#play-score .score').getAttribute('data-replications')).toBe('8');
    expect(await page.locator('#play-score .score-you').textContent()).toMatch(
      /^Replaying your exact moves .*: you (beat|fell short of) mutual cooperation by [\d,]+ \[-?[\d,]+, -?[\d,]+\] billion yuan over 8 replications; that (is|is not) distinguishable from zero, and you (beat|fell short of) mutual competition by /,
    );
    await page.screenshot({ path: join(artifacts, 'explorer-play.png'), fullPage: true });
  }, 300_000);

  it('hands the remaining years to a rule, finishes the game and scores it over 8 replications', async () => {
    // Grim remembers that Chongqing (tit-for-tat) competed in year 2, so it competes from year 4 on.
    await page.locator('#play-rule').selectOption('grim');
    await page.locator('#play-rule-go').click();
    await page.waitForFunction(() => document.getElementById('play-board')?.dataset.years === '20', null, { timeout: 120_000 });
    await expect.poll(() => page.locator('#play-progress').textContent(), { timeout: 180_000 }).toBe('Scored over 8 replications.');
    const sichuan = await page.locator('#play-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent));
    expect(sichuan).toEqual(['compete', 'cooperate', 'cooperate', ...Array(17).fill('compete')]);
    expect(await page.locator('#play-turn').textContent()).toBe('Game over after 20 years.');
    expect(await page.locator('.move').first().isDisabled()).toBe(true);
    expect(await page.locator('#play-score').textContent()).toMatch(/after 20 years/);
    await page.locator('#chart-play-strategies svg').waitFor({ state: 'attached' });
    // 20 years: a readable year axis (every 5 years), and the path labelled at its first and last year.
    await expect.poll(async () => (await page.locator('#chart-play-strategies .role-axis-label text').allTextContents()).filter((t) => /^\d{4}$/.test(t))).toEqual(['2020', '2025', '2030', '2035', '2040']);
    expect((await page.locator('#chart-play .role-axis-label').first().locator('text').count())).toBeLessThanOrEqual(9);
    expect(await page.locator('#chart-play .mark-text text').allTextContents()).toEqual(expect.arrayContaining(['2020', '2039']));
    await page.screenshot({ path: join(artifacts, 'explorer-play-rule.png'), fullPage: true });
  }, 300_000);

  it('shows the 2x2 game with its equilibria and type in words', async () => {
    await page.locator('#tab-game').click();
    await page.locator('#game-run').click();
    await page.locator('#game-sentence').waitFor({ timeout: 240_000 });
    // Two lenses of the same runs: the officials' objective and the residents' welfare.
    expect(await page.locator('.matrix').evaluateAll((ts) => ts.map((t) => (t as HTMLElement).dataset.lens))).toEqual(['objective', 'welfare']);
    expect(await page.locator('.matrix td').count()).toBe(8);
    expect(await page.locator('.matrix td').first().textContent()).toMatch(/^Sichuan: -?[\d,]+ \[-?[\d,]+, -?[\d,]+\]Chongqing: /);
    for (const lens of ['objective', 'welfare']) expect((await page.locator(`#game-sentence-${lens}`).textContent())!.length).toBeGreaterThan(20);
    expect(await page.locator('#game-sentence').textContent()).toMatch(/^Here (both lenses give|the officials' game is) .*ranked on GDP.*consume now and later/);
    expect(await page.locator('#game-result').getAttribute('data-stale')).toBe('false');
    await page.screenshot({ path: join(artifacts, 'explorer-game.png'), fullPage: true });
  }, 300_000);

  it('greys out the matrix once a setting changes, says so, and clears that when run again', async () => {
    await page.locator('#lever-friction').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#game-result').getAttribute('data-stale')).toBe('true');
    const note = page.locator('#game-stale-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.textContent()).toMatch(/^Settings changed since this matrix was computed: run again/);
    expect(await page.locator('.matrix').evaluateAll((ts) => ts.map((t) => t.getAttribute('aria-describedby')))).toEqual(['game-stale-note', 'game-stale-note']);
    const opacity = await page.locator('.lens-game').first().evaluate((el) => getComputedStyle(el).opacity);
    expect(Number(opacity)).toBeLessThan(0.5);
    await page.screenshot({ path: join(artifacts, 'explorer-game-stale.png'), fullPage: true });
    await page.locator('#game-run').click();
    await expect.poll(() => page.locator('#game-result').getAttribute('data-stale'), { timeout: 240_000 }).toBe('false');
    expect(await page.locator('#game-stale-note').count()).toBe(0);
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

  it('shows a scenario whose every text is an HTML/script payload as text, in every tab (issue 12)', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const scriptsBefore = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    const run = await chartsRun();
    await page.locator('#scenario-file').setInputFiles(PAYLOAD);
    await expect.poll(() => page.locator('#scenario-title').textContent()).toMatch(/^title <\/script><script>/);
    expect(await page.locator('#scenario').inputValue()).toBe('payload');
    await waitForRun(run + 1);
    await page.locator('#report-similarity svg').waitFor({ state: 'attached', timeout: 60_000 });
    // Play: region names in the select, the table headers, the chart and the score.
    await page.locator('#tab-play').click();
    await page.locator('#play-region').selectOption({ index: 0 });
    await page.locator('#play-start').click();
    await page.waitForFunction(() => document.getElementById('play-board')?.dataset.years === '0');
    await page.locator('.move[data-move=compete]').click();
    await page.waitForFunction(() => document.getElementById('play-board')?.dataset.years === '1', null, { timeout: 60_000 });
    await page.locator('#chart-play svg').waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('#play-score-now').click();
    await page.locator('#play-score .score').waitFor({ timeout: 60_000 });
    expect(await page.locator('#play-table thead').textContent()).toContain('region-sichuan </script><script>');
    // Game: region names in the matrix's caption and headers.
    await page.locator('#tab-game').click();
    expect(await page.locator('#game-result').getAttribute('data-stale')).toBe('true'); // another scenario's matrix
    await page.locator('#game-run').click();
    await expect.poll(() => page.locator('#game-result').getAttribute('data-stale'), { timeout: 240_000 }).toBe('false');
    expect(await page.locator('.matrix').first().locator('th').first().textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('.matrix td').first().textContent()).toContain('<img src=x onerror=');
    // The strategies chart and the score name the payload regions as text too.
    await page.locator('#tab-play').click();
    expect(await page.locator('#play-score .score table').textContent()).toContain('<img src=x onerror=');
    await page.locator('#tab-game').click();
    await page.locator('#tab-explore').click();
    // Hover the charts, so tooltips (HTML made by vega-tooltip) show payloads too.
    for (const id of ['chart-value-added', 'chart-winwin']) {
      const box = await page.locator(`#${id} svg`).boundingBox();
      if (box) for (const f of [0.3, 0.5, 0.7]) await page.mouse.move(box.x + f * box.width, box.y + 0.5 * box.height);
    }
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('[data-pwn], img, iframe, object, embed').length,
      scripts: [...document.scripts].map((s) => s.src),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    }));
    expect(await page.locator('#scenario-illustrative').textContent()).toContain('illustrative </script><script>');
    expect(found).toEqual({ pwned: undefined, injected: 0, scripts: scriptsBefore, handlers: [] });
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'explorer-payload.png'), fullPage: true });
  }, 600_000);

  it('refuses huge and hostile files with a located error, in a worker, without freezing the page', async () => {
    // Every request the page sends to a worker, recorded: a file is handed to a worker to read (the page's thread never parses it).
    await page.evaluate(() => {
      const w = window as unknown as { __posted: { type: string; file?: string }[] };
      w.__posted = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
        const m = message as { type?: unknown; file?: unknown };
        w.__posted.push({ type: String(m?.type), file: typeof m?.file === 'string' ? m.file : undefined });
        return post.call(this, message, ...rest);
      } as typeof post;
    });
    const files = [
      { name: 'huge.yaml', buffer: Buffer.from(`name: huge\ndescription: "${'x'.repeat(3 * 1024 * 1024)}"\n`), error: /^huge\.yaml: the file is too large \(3\.0 MB/ },
      { name: 'alias-bomb.yaml', buffer: readFileSync(join(root, 'test/fixtures/scenarios/alias-bomb.yaml')), error: /^alias-bomb\.yaml:\d+:\d+: .*alias/ },
      { name: 'deep.yaml', buffer: Buffer.from(`name: deep\nx: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`), error: /^deep\.yaml:\d+:\d+: nested too deeply/ },
      { name: 'deep-block.yaml', buffer: Buffer.from(`name: deep\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`), error: /^deep-block\.yaml:\d+:\d+: nested too deeply/ },
      { name: 'not-text.yaml', buffer: Buffer.from([0x6e, 0x61, 0x00, 0xff]), error: /^not-text\.yaml: not a (UTF-8 )?text file/ },
    ];
    for (const file of files) {
      await page.locator('#scenario-file').setInputFiles({ name: file.name, mimeType: 'text/yaml', buffer: file.buffer });
      await expect.poll(() => page.locator('#error').textContent(), { timeout: 60_000 }).toMatch(file.error);
      expect(await page.locator('#error').isVisible()).toBe(true);
      // Still responsive: the page answers and its scenario is the one loaded before.
      expect(await page.locator('#scenario').inputValue()).toBe('payload');
    }
    const posted = await page.evaluate(() => (window as unknown as { __posted: { type: string; file?: string }[] }).__posted);
    // Every file is read in a worker, except the one over the size limit, which is refused by its size without being read.
    expect(posted.filter((m) => m.type === 'load-file').map((m) => m.file)).toEqual(files.map((f) => f.name).filter((name) => name !== 'huge.yaml'));
  }, 300_000);

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#tab-explore').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // Charts redraw to the narrow width (vega-embed follows the container): titles still whole.
    await expect.poll(() => clippedTitles('#charts'), { timeout: 30_000 }).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'explorer-narrow.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

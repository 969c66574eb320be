/**
 * Issue 12: scenario texts are untrusted. A scenario whose every display name,
 * title, description, event label and source is an HTML/script payload
 * (test/fixtures/payload/payload.yaml) goes through every command that writes a
 * report, as a user runs them (the built CLI as a process). Each report.html and
 * chart SVG must show the payloads as text: checked on the raw files, and by
 * opening each file in headless Chromium (a real HTML/SVG parse), where no
 * script may run, no element or handler from the payload may exist and nothing
 * may be requested. The Chromium part is skipped when /usr/bin/chromium is missing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixSvgIds } from '../../src/report/common/html.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { CHROMIUM, chromiumMissing, skipBecause } from '../helpers/skip.js';

const PAYLOAD = join(ROOT, 'test/fixtures/payload/payload.yaml');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Each command writing a report, with the folder its report.html and charts land in. */
const COMMANDS: { name: string; args: (out: string) => string[]; charts: string }[] = [
  { name: 'run', args: (out) => ['run', PAYLOAD, '--out', out, '-q'], charts: 'charts' },
  { name: 'game', args: (out) => ['game', PAYLOAD, '--strategies', 'cooperate,compete', '--out', out, '-q'], charts: 'charts' },
  { name: 'compare', args: (out) => ['compare', PAYLOAD, PAYLOAD, '--out', out, '-q'], charts: 'charts' },
  { name: 'sweep', args: (out) => ['sweep', PAYLOAD, '-p', 'friction.border=0.1,0.3', '--out', out, '-q'], charts: 'charts' },
  { name: 'sensitivity', args: (out) => ['sensitivity', PAYLOAD, '-p', 'friction.border=0.05:0.3', '-n', '2', '--bootstrap', '0', '--out', out, '-q'], charts: 'charts' },
  { name: 'calibrate', args: (out) => ['calibrate', PAYLOAD, '--out', out, '-q'], charts: '.' },
];

/** Markup of the payload that must never appear unescaped (as a tag) in a file. */
const INJECTED = [/<script/i, /<img/i, /<i data-pwn/i, /<svg onload/i, /<iframe/i];

/** Event-handler attributes of the file's tags (quoted attribute values, where payloads sit escaped, are skipped). */
const handlerAttributes = (text: string) =>
  [...text.matchAll(/<[a-z][^>]*>/gi)].flatMap((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""').match(/\son[a-z]+\s*=/gi) ?? []);

const tmp = mkdtempSync(join(tmpdir(), 'chuanyu-escaping-'));
const files: { command: string; file: string }[] = [];

beforeAll(() => {
  for (const c of COMMANDS) {
    const out = join(tmp, c.name);
    const result = runCli(c.args(out));
    expect(result.status, `${c.name}: ${result.stderr}`).toBe(0);
    const dir = join(out, c.charts);
    for (const f of readdirSync(dir)) if (f === 'report.html' || f.endsWith('.svg')) files.push({ command: c.name, file: join(dir, f) });
  }
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('inline SVG', () => {
  it('prefixes ids only in tags, so chart text that reads like an id or a url(#...) stays as written', () => {
    const svg = '<svg><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"><text aria-label="a id=&quot;x&quot;">name id="x" url(#clip1) href="#y"</text><use href="#clip1"/></g></svg>';
    expect(prefixSvgIds(svg, 'c')).toBe(
      '<svg><defs><clipPath id="c-clip1"/></defs><g clip-path="url(#c-clip1)"><text aria-label="a id=&quot;x&quot;">name id="x" url(#clip1) href="#y"</text><use href="#c-clip1"/></g></svg>',
    );
  });
});

describe('reports of a scenario whose every text is an HTML/script payload', () => {
  it('contain the payloads only as escaped text', () => {
    expect(files.filter((f) => f.file.endsWith('report.html')).map((f) => f.command)).toEqual(COMMANDS.map((c) => c.name));
    for (const { file } of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of INJECTED) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
      expect(handlerAttributes(text), file).toEqual([]);
    }
    // The payloads are shown, not dropped: the title and a region name appear as text.
    const run = readFileSync(join(tmp, 'run', 'charts', 'report.html'), 'utf8');
    expect(run).toContain('<h1>title &lt;/script&gt;&lt;script&gt;window.__pwned=&quot;title&quot;&lt;/script&gt;&lt;img src=x onerror=');
    const game = readFileSync(join(tmp, 'game', 'charts', 'report.html'), 'utf8');
    expect(game).toContain('<th scope="col" class="num">region-sichuan &lt;/script&gt;');
    // Compare's verdict tables head their columns with the region names.
    const compare = readFileSync(join(tmp, 'compare', 'charts', 'report.html'), 'utf8');
    const verdicts = compare.slice(compare.indexOf('id="verdicts-table"'), compare.indexOf('id="differences-table"'));
    expect(verdicts).toContain('<th scope="col" class="num">region-sichuan &lt;/script&gt;');
  });

  describe.skipIf(skipBecause(chromiumMissing(), 'opened in headless Chromium'))('opened in headless Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('run no script, have no element or handler from the payload, request nothing and open no dialog', async () => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      const requests: string[] = [];
      const dialogs: string[] = [];
      // Anything but the page itself (an <img src=x>, say) is recorded and refused.
      await context.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.request().resourceType() === 'document' ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const { file } of files) {
        const url = pathToFileURL(file).href;
        requests.length = 0;
        await page.goto(url, { waitUntil: 'load' });
        const found = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          injected: document.querySelectorAll('script, img, iframe, object, embed, foreignObject, [data-pwn]').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
          text: document.documentElement.textContent ?? '',
        }));
        expect({ ...found, text: undefined }, file).toEqual({ pwned: undefined, injected: 0, handlers: [], text: undefined });
        if (file.endsWith('.html')) expect(found.text, file).toContain('<img src=x onerror=');
        expect(requests.filter((r) => r !== url), file).toEqual([]);
      }
      expect(dialogs).toEqual([]);
      await context.close();
    }, 300_000);
  });
});

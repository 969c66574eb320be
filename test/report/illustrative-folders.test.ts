/**
 * The scenario's note on illustrative numbers in the reports of the folders
 * that hold no resolved scenario (calibration, history): recorded in
 * summary.json, read back through the format, shown escaped in report.html;
 * a folder written before the note was recorded still renders, without one.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationSummaryFixture, historySummaryFixture, scratchFolder } from '../helpers/results.js';
import { readCalibrationSummaryFile, readHistorySummary, writeCalibrationSummary, writeHistorySummary } from '../../src/results/experiment-files.js';
import { renderCalibrationReport } from '../../src/report/calibration/report.js';
import { renderHistoryReport } from '../../src/report/history/report.js';

const scratch = scratchFolder('chuanyu-illustrative-folders-');
const NOTE = 'Shares are <em>plausible</em> & "made up".';
const SHOWN = '<strong>Illustrative numbers:</strong> Shares are &lt;em&gt;plausible&lt;/em&gt; &amp; &quot;made up&quot;.';

async function folder(name: string): Promise<string> {
  const dir = join(scratch.path, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('calibration report', () => {
  it('shows the note recorded in summary.json, escaped', async () => {
    const dir = await folder('calibration-note');
    const summary = calibrationSummaryFixture();
    await writeCalibrationSummary(dir, { ...summary, scenario: { ...summary.scenario, illustrative: NOTE } });
    expect((await readCalibrationSummaryFile(dir)).scenario.illustrative).toBe(NOTE);
    await renderCalibrationReport(dir, { formats: ['vl'] });
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(SHOWN);
    expect(html).not.toContain('<em>plausible');
  });

  it('renders a folder written before the note was recorded, without one', async () => {
    const dir = await folder('calibration-old');
    await writeCalibrationSummary(dir, calibrationSummaryFixture());
    await renderCalibrationReport(dir, { formats: ['vl'] });
    expect(await readFile(join(dir, 'report.html'), 'utf8')).not.toContain('class="illustrative"');
  });
});

describe('history report', () => {
  it('shows the note recorded in summary.json, escaped', async () => {
    const dir = await folder('history-note');
    await writeHistorySummary(dir, { ...historySummaryFixture(), illustrative: NOTE });
    expect((await readHistorySummary(dir)).illustrative).toBe(NOTE);
    await renderHistoryReport(dir, { formats: ['vl'] });
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(SHOWN);
    expect(html).not.toContain('<em>plausible');
  });

  it('renders a folder written before the note was recorded, without one', async () => {
    const dir = await folder('history-old');
    await writeHistorySummary(dir, historySummaryFixture());
    await renderHistoryReport(dir, { formats: ['vl'] });
    expect(await readFile(join(dir, 'report.html'), 'utf8')).not.toContain('class="illustrative"');
  });
});

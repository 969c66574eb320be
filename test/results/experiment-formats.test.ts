/** The experiment commands' result files (calibration and history summary.json, study.json, game.json for --game): written and read back against their formats; a damaged file names the file and the field. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationSummaryFixture as calibration, historySummaryFixture as history, scratchFolder, userError } from '../helpers/results.js';
import { readGamePayoffs } from '../../src/cli/actions/game-source.js';
import {
  readCalibrationSummaryFile,
  readHistorySummary,
  readStudyJson,
  writeCalibrationSummary,
  writeHistorySummary,
  writeStudyJson,
} from '../../src/results/experiment-files.js';
import { stableJson } from '../../src/results/json-file.js';
import { UserError } from '../../src/scenario/errors.js';

const scratch = scratchFolder('chuanyu-experiment-formats-');


const study = () => ({
  kind: 'study' as const,
  name: 'which-game',
  title: 'Which game',
  question: 'Which game is played?',
  scenario: 'cooperate',
  scale: 'tiny',
  seed: 1,
  replications: 2,
  strategies: ['cooperate', 'compete'],
  lenses: ['objective'],
  regions: ['sichuan', 'chongqing'],
  set: {},
  x: { path: 'fund.leverage', label: 'leverage', values: [1] },
  panels: [{ path: 'fund.reinvestment', label: 'reinvestment', values: [0], note: '', file: 'games/fund-reinvestment.json' }],
  indeterminate: { objective: { cells: 1, indeterminate: 0, share: 0 } },
  cells: [
    {
      panel: 'fund.reinvestment', x: 1, y: 0, lens: 'objective', type: 'harmony', likely: 'harmony', sentence: 'Cooperating pays.', players: [{ region: 'sichuan', type: 'harmony' }, { region: 'chongqing', type: 'harmony' }],
      cooperationEquilibrium: true, cooperationEquilibriumSure: true, competitionEquilibrium: false, equilibria: [['cooperate', 'cooperate']], cooperationPaysBoth: 'yes' as const, gaps: [],
    },
  ],
});

describe('calibration summary.json', () => {
  it('reads back what it wrote, byte for byte', async () => {
    const dir = join(scratch.path, 'calibration');
    await mkdir(dir);
    await writeCalibrationSummary(dir, calibration());
    const text = await readFile(join(dir, 'summary.json'), 'utf8');
    expect(stableJson(await readCalibrationSummaryFile(dir))).toBe(text);
  });

  it('names the field of a damaged file', async () => {
    const dir = join(scratch.path, 'calibration-damaged');
    await mkdir(dir);
    const s = calibration();
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, target: { ...s.target, points: [{ ...s.target.points[0], value: 'high' }] } }));
    const e = await userError(readCalibrationSummaryFile(dir));
    expect(e.file).toBe(join(dir, 'summary.json'));
    expect(e.fieldPath).toBe('target.points.0.value');
    expect(e.detail).toBe('not a calibration summary (summary.json): expected a number, found "high"');
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, kind: 'chuanyu-history' }));
    expect((await userError(readCalibrationSummaryFile(dir))).fieldPath).toBe('kind');
    const missing = await userError(readCalibrationSummaryFile(join(scratch.path, 'nowhere')));
    expect(missing.detail).toContain('is not a calibration folder (no summary.json)');
  });

  it('names the field of a damaged hand choice or assessment', async () => {
    const dir = join(scratch.path, 'calibration-damaged-assessment');
    await mkdir(dir);
    const s = calibration();
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, choices: [{ ...s.choices[0], count: 'one' }] }));
    let e = await userError(readCalibrationSummaryFile(dir));
    expect(e.file).toBe(join(dir, 'summary.json'));
    expect(e.fieldPath).toBe('choices.0.count');
    expect(e.detail).toBe('not a calibration summary (summary.json): expected a number, found "one"');
    const naive = s.assessment.holdout.naive[0];
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, assessment: { ...s.assessment, holdout: { ...s.assessment.holdout, naive: [{ ...naive, setsBeaten: [] }] } } }));
    e = await userError(readCalibrationSummaryFile(dir));
    expect(e.fieldPath).toBe('assessment.holdout.naive.0.setsBeaten');
    expect(e.detail).toBe('not a calibration summary (summary.json): expected a number, found a list');
    const { criteria: _criteria, ...withoutCriteria } = s.assessment;
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, assessment: withoutCriteria }));
    e = await userError(readCalibrationSummaryFile(dir));
    expect(e.fieldPath).toBe('assessment.criteria');
    expect(e.detail).toContain('found nothing');
    await writeFile(join(dir, 'summary.json'), stableJson({ ...s, assessment: 'fine' }));
    expect((await userError(readCalibrationSummaryFile(dir))).fieldPath).toBe('assessment');
  });
});

describe('history summary.json', () => {
  it('reads back what it wrote, byte for byte', async () => {
    const dir = join(scratch.path, 'history');
    await mkdir(dir);
    await writeHistorySummary(dir, history());
    expect(stableJson(await readHistorySummary(dir))).toBe(await readFile(join(dir, 'summary.json'), 'utf8'));
  });

  it('names the field of a damaged file', async () => {
    const dir = join(scratch.path, 'history-damaged');
    await mkdir(dir);
    const h = history();
    await writeFile(join(dir, 'summary.json'), stableJson({ ...h, profile: { ...h.profile, windows: [{ ...h.profile.windows[0], supported: 'yes' }] } }));
    const e = await userError(readHistorySummary(dir));
    expect(e.file).toBe(join(dir, 'summary.json'));
    expect(e.fieldPath).toBe('profile.windows.0.supported');
    expect(e.detail).toBe('not a history summary (summary.json): expected true or false, found "yes"');
  });
});

describe('study.json', () => {
  it('reads back what it wrote, byte for byte', async () => {
    const dir = join(scratch.path, 'study');
    await mkdir(dir);
    await writeStudyJson(dir, study());
    expect(stableJson(await readStudyJson(dir))).toBe(await readFile(join(dir, 'study.json'), 'utf8'));
  });

  it('names the field of a damaged file', async () => {
    const dir = join(scratch.path, 'study-damaged');
    await mkdir(dir);
    const s = study();
    await writeFile(join(dir, 'study.json'), stableJson({ ...s, cells: [{ ...s.cells[0], cooperationPaysBoth: 'maybe' }] }));
    const e = await userError(readStudyJson(dir));
    expect(e.file).toBe(join(dir, 'study.json'));
    expect(e.fieldPath).toBe('cells.0.cooperationPaysBoth');
    expect(e.detail).toBe('not a study (study.json): expected one of "yes", "no", "unclear"');
    const missing = await userError(readStudyJson(join(scratch.path, 'nowhere')));
    expect(missing.detail).toContain('is not a `chuanyu study` folder (no study.json)');
  });
});

describe('game.json for --game', () => {
  it('names the field of a damaged game.json', async () => {
    const dir = join(scratch.path, 'game');
    await mkdir(dir);
    const game = { kind: 'game', scenario: 'g', seed: 1, replications: 2, sweep: [], lens: 'objective', objectives: {}, points: [{ lens: 'objective', profiles: 'none' }] };
    await writeFile(join(dir, 'game.json'), JSON.stringify(game));
    let error: unknown;
    try {
      readGamePayoffs(dir, undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).file).toBe(join(dir, 'game.json'));
    expect((error as UserError).fieldPath).toBe('points.0.profiles');
  });
});

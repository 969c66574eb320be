/** `chuanyu study <file>`: runs a study file's grid of games and writes its answers, charts and report. */
import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { checkStudyPaths, readStudyFile } from '../../experiment/study-file.js';
import { runStudy, studyCells } from '../../experiment/study.js';
import { createPointPool } from '../../experiment/pool.js';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { gameJson } from '../../experiment/game-json.js';
import { writeGameJson, writeStudyCells, writeStudyJson, writeStudyManifest } from '../../results/experiment-files.js';
import { renderStudyReport, studySummaryMarkdown, studyValidationMarkdown, type StudyJson } from '../../report/study/report.js';
import { indeterminateCounts, panelSlug } from '../../results/study-format.js';
import { readValidationReport, writeStudyIntoValidation } from '../../report/validation/validation-blocks.js';
import { UserError } from '../../scenario/errors.js';

import { gitCommit, packageVersion } from '../package-info.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { interruptSignal } from '../signals.js';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import type { ActionOptions } from '../options.js';

export interface StudyActionOptions extends ActionOptions {
  file: string;
  /** A scale the study file defines (e.g. tiny); default full size. */
  scale?: string;
  /** A validation report (docs/VALIDATION.md) to add the study's answers to, full scale only. */
  validation?: string;
  force?: boolean;
}

export async function studyAction(options: StudyActionOptions): Promise<{ outDir: string; study: StudyJson }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const study = readStudyFile(options.file, { scale: options.scale });
  const loaded = await loadScenario(study.scenarioArg, { cwd: study.cwd });
  checkStudyPaths(study, loaded.scenario as Record<string, unknown>);
  if (options.validation !== undefined) {
    if (study.scale !== 'full') throw new UserError(`--validation takes the full study only: the ${study.scale} scale's answers are a smoke test and mean nothing (nothing was written)`);
    await readValidationReport(options.validation); // refused before any computing
  }
  const seed = options.seed ?? study.seed ?? loaded.scenario.seed;
  const replications = options.replications ?? study.replications;
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', 'studies', `${study.name}-${timestamp(started)}${study.scale === 'full' ? '' : `-${study.scale}`}`)));
  await checkOutputTarget(outDir, { kind: 'study', force: options.force });
  checkRunFits(loaded, { replications, workers: options.workers });
  const cells = study.panels.reduce((n, p) => n + p.values.length * study.x.values.length, 0);
  const profiles = study.strategies.length ** loaded.scenario.regions.length;
  if (!options.quiet)
    log(`Study ${study.name} (${study.scale} scale): ${study.panels.length} levers x ${study.x.values.length} values of ${study.x.path} = ${cells} games of ${profiles} profiles x ${replications} replications, seed ${seed}...`);
  const interrupt = interruptSignal();
  const pool = createPointPool(Math.min(options.workers ?? availableParallelism(), profiles), interrupt.signal);
  let results;
  try {
    results = await reportingModelLimits(loaded.file, () => runStudy(study, loaded.scenario, { seed, replications, pool, signal: interrupt.signal, quiet: options.quiet }));
  } finally {
    await pool.close();
    interrupt.dispose();
  }
  const studyCellsList = studyCells(study, results);
  const data: StudyJson = {
    kind: 'study',
    name: study.name,
    title: study.title,
    question: study.question,
    scenario: loaded.scenario.name,
    scale: study.scale,
    seed,
    replications,
    strategies: study.strategies,
    lenses: study.lenses,
    regions: loaded.scenario.regions.map((r) => r.id),
    set: study.set,
    x: study.x,
    panels: study.panels.map((p) => ({ ...p, file: `games/${panelSlug(p.path)}.json` })),
    indeterminate: indeterminateCounts(studyCellsList, study.lenses),
    cells: studyCellsList,
  };
  const objectives = Object.fromEntries(loaded.scenario.regions.map((r) => [r.id, loaded.scenario.governments[r.id]?.objective ?? { gdp: 1, welfare: 0, fiscal: 0 }]));
  const provenance = commandProvenance([scenarioSource(loaded)], { sampler: 'study grid of strategy profiles', sampleSize: cells * profiles, seed, replications });
  await writeDirectoryAtomically(outDir, { kind: 'study', force: options.force, provenance }, async (dir) => {
    await writeStudyJson(dir, data);
    await writeStudyCells(dir, data);
    await mkdir(join(dir, 'games'));
    for (const [i, r] of results.entries())
      await writeGameJson(join(dir, data.panels[i].file), gameJson(loaded.scenario.name, seed, replications, [r.panel.path, study.x.path], r.points, objectives));
    await writeStudyManifest(
      dir,
      {
        command: 'study', studyFile: study.file, study: basename(study.file), scale: study.scale, scenario: loaded.scenario.name, scenarioFile: loaded.file, seed, replications, strategies: study.strategies,
        packageVersion: packageVersion(), gitCommit: gitCommit(), node: process.version, startedAt: started.toISOString(), wallTimeSeconds: (performance.now() - t0) / 1000, resolvedScenario: loaded.scenario, provenance,
      },
    );
    await renderStudyReport(dir, options.charts);
  });
  if (options.validation !== undefined) {
    const command = `chuanyu study ${study.file.replace(/\\/g, '/').split('/').slice(-3).join('/')} --validation ${isAbsolute(options.validation) ? basename(options.validation) : options.validation.replace(/\\/g, '/')}`;
    const commit = gitCommit();
    await writeStudyIntoValidation(options.validation, study.name, studyValidationMarkdown(data, command, `chuanyu-sim ${packageVersion()}${commit ? `, commit ${commit.slice(0, 10)}` : ''}, ${started.toISOString().slice(0, 10)}`));
    if (!options.quiet) log(`Added the answers to ${options.validation}`);
  }
  if (!options.quiet) {
    log('');
    log(studySummaryMarkdown(data).split('\n## Game type per cell')[0]);
    log(`Results: ${outDir}`);
    log(`Summary: ${join(outDir, 'summary.md')}`);
    log(`Report:  ${join(outDir, 'charts', 'report.html')}`);
  }
  return { outDir, study: data };
}

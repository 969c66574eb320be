/**
 * `chuanyu compare`: run scenarios under common random numbers and write their
 * paired differences, and every scenario's verdict in each lens against its own
 * counterfactual. The terminal shows the short table of differences first and
 * the verdicts last (tables, then plain words), so the answer and where the
 * report is are what stays on screen.
 */
import { join, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { compareScenarios } from '../../experiment/compare.js';
import { formatComparison } from '../../report/compare/text.js';
import { writeComparisonTables } from '../../results/compare-format.js';
import { writeTrajectoryTable } from '../../results/trajectory-format.js';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { renderCompareReport } from '../../report/compare/report.js';
import { comparisonVerdicts, writeVerdictFiles } from '../../report/compare/verdicts.js';
import { formatVerdictTables, verdictWords } from '../../report/compare/verdicts-text.js';
import { illustrativeLines, illustrativeNotes } from '../../report/common/illustrative.js';
import { stableJson } from '../../results/json-file.js';
import { gitCommit, packageVersion } from '../package-info.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import { interruptSignal } from '../signals.js';
import { timestamp } from './run-action.js';
import type { ActionOptions } from '../options.js';

export interface CompareActionOptions extends ActionOptions {
  scenarios: string[];
}

export async function compareAction(options: CompareActionOptions): Promise<{ outDir: string }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  if (options.scenarios.length < 2) throw new UserError('compare needs at least two scenarios, e.g. chuanyu compare compete cooperate');
  const started = new Date();
  const t0 = performance.now();
  const loaded = await Promise.all(options.scenarios.map((s) => loadScenario(s)));
  const seed = options.seed ?? loaded[0].scenario.seed;
  const replications = options.replications ?? Math.max(...loaded.map((l) => l.scenario.replications));
  const names = loaded.map((l) => l.scenario.name);
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', 'compare', `${timestamp(started)}-${names.join('-vs-')}-${seed}`)));
  await checkOutputTarget(outDir, { kind: 'compare', force: options.force });
  if (!options.quiet) log(`Comparing ${names.join(', ')}: ${replications} replications each, seed ${seed} (common random numbers)...`);
  const interrupt = interruptSignal();
  try {
    for (const l of loaded) checkRunFits(l, { replications, workers: options.workers });
    const comparison = await reportingModelLimits(loaded.map((l) => l.file).join(' or '), () => compareScenarios(loaded, { seed, replications, trajectories: true, workers: options.workers, quiet: options.quiet, signal: interrupt.signal }));
    const verdicts = comparison.verdicts.length > 0 ? comparisonVerdicts(comparison.verdicts, seed, replications) : null;
    const provenance = commandProvenance(loaded.map(scenarioSource), { sampler: 'scenarios', sampleSize: loaded.length, seed, replications });
    await writeDirectoryAtomically(outDir, { kind: 'compare', force: options.force, provenance }, async (dir) => {
      await writeComparisonTables(dir, comparison);
      await writeTrajectoryTable(dir, comparison.trajectories);
      if (verdicts) await writeVerdictFiles(dir, verdicts);
      await writeFile(
        join(dir, 'manifest.json'),
        stableJson({
          command: 'compare',
          scenarios: names,
          scenarioFiles: loaded.map((l) => l.file),
          seed,
          replications,
          packageVersion: packageVersion(),
          gitCommit: gitCommit(),
          node: process.version,
          startedAt: started.toISOString(),
          wallTimeSeconds: (performance.now() - t0) / 1000,
          resolvedScenarios: loaded.map((l) => l.scenario),
          provenance,
        }),
      );
      await renderCompareReport(dir, options.charts);
    });
    if (!options.quiet) {
      log('');
      log(`Paired differences against ${names[0]} (scenario - ${names[0]}), mean over replications:`);
      log(formatComparison(comparison));
      log('');
      if (verdicts) {
        log(formatVerdictTables(verdicts));
        log('');
        for (const line of verdictWords(verdicts)) log(line);
        log('');
      }
      const notes = illustrativeLines(illustrativeNotes(loaded.map((l) => l.scenario)));
      if (notes.length > 0) {
        for (const line of notes) log(line);
        log('');
      }
      log(`Results: ${outDir} (verdicts.csv, comparison.csv, replications.csv, trajectories.csv)`);
      log(`Report:  ${join(outDir, 'charts', 'report.html')} (open it in a browser)`);
    }
    return { outDir };
  } finally {
    interrupt.dispose();
  }
}

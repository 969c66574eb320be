/** `chuanyu game <scenario>`: the empirical payoff matrix, its analysis, optionally across a parameter sweep. */
import { join, resolve } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { parseLens, parseStrategies, runEmpiricalGame } from '../../experiment/game.js';
import { analyzeEmpiricalGame, parseStart, type GamePoint } from '../../experiment/game-analysis.js';
import { checkParameterPath, parseParameter } from '../../experiment/parameters.js';
import { gridDesign } from '../../experiment/design.js';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { formatGame } from '../../report/game/text.js';
import { renderGameReport } from '../../report/game/report.js';
import { gameJson } from '../../experiment/game-json.js';
import { writeDecompositionCsv, writeGameJson, writeGameManifest, writePayoffsCsv } from '../../results/experiment-files.js';
import { gitCommit, packageVersion } from '../package-info.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { interruptSignal } from '../signals.js';
import { createPointPool } from '../../experiment/pool.js';
import { availableParallelism } from 'node:os';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import type { ActionOptions } from '../options.js';

export interface GameActionOptions extends ActionOptions {
  scenario: string;
  strategies?: string;
  sweep?: string[];
  /** Start of the replicator path, "x,y" (default: five starts). */
  start?: string;
  /** Lens of the main analysis: objective (default), welfare, gdp or fiscal. */
  lens?: string;
}

export async function gameAction(options: GameActionOptions): Promise<{ outDir: string; points: GamePoint[] }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const loaded = await loadScenario(options.scenario);
  const strategies = parseStrategies(options.strategies);
  const lens = parseLens(options.lens);
  const seed = options.seed ?? loaded.scenario.seed;
  const replications = options.replications ?? loaded.scenario.replications;
  if (replications < 2) throw new UserError('a game needs at least 2 replications to tell a payoff gap from noise');
  const starts = parseStart(options.start);
  const sweep = (options.sweep ?? []).map((p) => parseParameter(p, '--sweep'));
  if (sweep.length > 2) throw new UserError('--sweep takes one or two parameters (a phase diagram has two axes)');
  for (const p of sweep) checkParameterPath(p.path, loaded.scenario as Record<string, unknown>, '--sweep');
  const design = sweep.length > 0 ? gridDesign(sweep) : [{ index: 0, values: {} }];
  const name = loaded.scenario.name;
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', name, `game-${timestamp(started)}-${seed}`)));
  await checkOutputTarget(outDir, { kind: 'game', force: options.force });
  checkRunFits(loaded, { replications, workers: options.workers });
  const profiles = strategies.length ** loaded.scenario.regions.length;
  if (!options.quiet)
    log(`Game of ${name}: ${profiles} strategy profiles x ${replications} replications${design.length > 1 ? ` at ${design.length} parameter values` : ''}, seed ${seed} (common random numbers)...`);
  const interrupt = interruptSignal();
  const points: GamePoint[] = [];
  // One set of workers for every parameter value of a sweep, not one per value.
  const pool = createPointPool(Math.min(options.workers ?? availableParallelism(), profiles), interrupt.signal);
  try {
    for (const point of design) {
      const empirical = await reportingModelLimits(loaded.file, () =>
        runEmpiricalGame(loaded.scenario, {
          strategies, seed, replications, lens, values: point.values, workers: options.workers, quiet: options.quiet, signal: interrupt.signal, pool,
          label: design.length > 1 ? `game ${Object.entries(point.values).map(([k, v]) => `${k}=${v}`).join(' ')}` : undefined,
        }),
      );
      points.push({ values: point.values, empirical, report: analyzeEmpiricalGame(empirical, { starts }) });
    }
  } finally {
    await pool.close();
    interrupt.dispose();
  }
  // Every strategy profile at every parameter value is a point.
  const provenance = commandProvenance([scenarioSource(loaded)], { sampler: sweep.length > 0 ? 'grid of strategy profiles' : 'strategy profiles', sampleSize: profiles * design.length, seed, replications });
  await writeDirectoryAtomically(outDir, { kind: 'game', force: options.force, provenance }, async (dir) => {
    const objectives = Object.fromEntries(loaded.scenario.regions.map((r) => [r.id, loaded.scenario.governments[r.id]?.objective ?? { gdp: 1, welfare: 0, fiscal: 0 }]));
    await writeGameJson(join(dir, 'game.json'), gameJson(name, seed, replications, sweep.map((p) => p.path), points, objectives));
    await writePayoffsCsv(dir, points, sweep.map((p) => p.path));
    await writeDecompositionCsv(dir, points, sweep.map((p) => p.path));
    await writeGameManifest(
      dir,
      { command: 'game', scenario: name, scenarioFile: loaded.file, seed, replications, strategies, lens, sweep, packageVersion: packageVersion(), gitCommit: gitCommit(), node: process.version, startedAt: started.toISOString(), wallTimeSeconds: (performance.now() - t0) / 1000, resolvedScenario: loaded.scenario, provenance },
    );
    await renderGameReport(dir, { title: loaded.scenario.title, description: loaded.scenario.description, illustrative: loaded.scenario.illustrative }, options.charts);
  });
  if (!options.quiet) {
    log('');
    if (points.length === 1) log(formatGame(points[0].empirical, points[0].report));
    else
      for (const pt of points)
        log(`${Object.entries(pt.values).map(([k, v]) => `${k}=${v}`).join(', ')}: ${pt.report.sub?.analysis.classification?.type ?? 'n/a'}; equilibria ${pt.report.full.pure.equilibria.map((e) => `(${e.names.join(', ')})`).join(' ') || 'none'}`);
    log('');
    log(`Results: ${outDir}`);
    log(`Report:  ${join(outDir, 'charts', 'report.html')}`);
  }
  return { outDir, points };
}

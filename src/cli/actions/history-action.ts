/** `chuanyu history`: a plain function the yargs command calls (and tests call in-process). */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { attributionRuns, measureAttribution, type Attribution } from '../../experiment/history/attribution.js';
import { historyInput } from '../../experiment/history/series-runs.js';
import { findEpisodes, gridFor, measureSwitchProfile, profileWindows, type SwitchProfile } from '../../experiment/history/switch-profile.js';
import { AbortedError } from '../../experiment/pool.js';
import { createProgress } from '../../experiment/progress.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { writeHistoryFolder } from '../../report/history/report.js';
import { illustrativeLines, illustrativeNotes } from '../../report/common/illustrative.js';
import { attributionSentences, profileSentences } from '../../report/history/text.js';
import { loadScenario } from '../../scenario/load.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import { interruptSignal } from '../signals.js';
import { timestamp } from './run-action.js';
import type { ChartFileOptions } from '../options.js';

export interface HistoryActionOptions {
  scenario: string;
  /** Run the switch-window profile (default: both analyses when neither is asked for). */
  profile?: boolean;
  attribution?: boolean;
  replications?: number;
  seed?: number;
  /** Years between neighbouring window starts and ends (default 2). */
  step?: number;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  workers?: number;
  /** Chart files to write (default vl, svg, png). */
  formats?: string[];
  /** `--format` and `--captions` (formats here win over `formats`). */
  charts?: ChartFileOptions;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface HistoryActionResult {
  outDir: string;
  complete: boolean;
  profile: SwitchProfile | null;
  attribution: Attribution | null;
}

const shellWord = (s: string) => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command that reproduces the analyses: every setting explicit, no output folder or worker count. */
export function historyCommandLine(scenario: string, o: { profile: boolean; attribution: boolean; replications: number; seed: number; step: number }): string {
  return ['chuanyu', 'history', shellWord(scenario), ...(o.profile ? ['--profile', '--step', String(o.step)] : []), ...(o.attribution ? ['--attribution'] : []), '-r', String(o.replications), '--seed', String(o.seed)].join(' ');
}

export async function historyAction(options: HistoryActionOptions): Promise<HistoryActionResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const loaded = await loadScenario(options.scenario);
  const both = !options.profile && !options.attribution;
  const doProfile = both || options.profile === true;
  const doAttribution = both || options.attribution === true;
  const input = historyInput(loaded);
  const replications = options.replications ?? loaded.scenario.replications;
  const seed = options.seed ?? loaded.scenario.seed;
  const grid = gridFor(input.years, { step: options.step });
  // Checked before any computing: a scenario without an episode cannot be profiled.
  const windows = doProfile ? profileWindows(input, grid, findEpisodes(input.scenario, loaded.file)).length : 0;
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', input.name, `history-${timestamp(started)}-${seed}`)));
  const workers = options.workers ?? availableParallelism();
  await checkOutputTarget(outDir, { kind: 'history', force: options.force });
  checkRunFits(loaded, { replications, workers });
  const total = windows * replications + (doAttribution ? attributionRuns(input, replications) : 0);
  if (!options.quiet)
    log(
      `History analyses of ${input.name}: ${[doProfile ? `profile of ${windows} competition windows` : '', doAttribution ? 'mechanism attribution' : ''].filter(Boolean).join(' and ')}, ` +
        `${total} replication runs (${replications} per variant, seed ${seed}); ${workers} worker${workers === 1 ? '' : 's'}; into ${outDir}`,
    );
  const interrupt = options.signal ? null : interruptSignal();
  const signal = options.signal ?? interrupt!.signal;
  const progress = createProgress({ total, label: 'history', unit: 'runs', quiet: options.quiet });
  let reported = 0;
  // Each analysis reports its own runs done; the bar counts both.
  const tick = (base: number) => (runs: number) => {
    progress.tick(base + runs - reported);
    reported = base + runs;
  };
  let profile: SwitchProfile | null = null;
  let attribution: Attribution | null = null;
  try {
    await reportingModelLimits(loaded.file, async () => {
      if (doProfile) profile = await measureSwitchProfile(input, { replications, seed, grid, workers, signal, onProgress: tick(0), file: loaded.file });
      if (doAttribution) attribution = await measureAttribution(input, { replications, seed, workers, signal, onProgress: tick(windows * replications) });
    });
  } catch (error) {
    if (error instanceof AbortedError) {
      progress.stop();
      log('Stopped before the analyses finished; nothing was written.');
      return { outDir, complete: false, profile: null, attribution: null };
    }
    throw error;
  } finally {
    progress.stop();
    interrupt?.dispose();
  }
  const command = historyCommandLine(options.scenario, { profile: doProfile, attribution: doAttribution, replications, seed, step: grid.step });
  await writeHistoryFolder(outDir, { profile, attribution }, { command, force: options.force, formats: options.charts?.formats ?? options.formats, captions: options.charts?.captions, illustrative: loaded.scenario.illustrative, provenance: commandProvenance([scenarioSource(loaded)], { sampler: 'history variants', sampleSize: null, seed, replications }) });
  if (!options.quiet) {
    const seconds = (performance.now() - t0) / 1000;
    for (const line of [...(profile ? profileSentences(profile) : []), ...(attribution ? attributionSentences(attribution) : [])]) log(line);
    log(`${total} replication runs in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(1)}/s).`);
    for (const line of illustrativeLines(illustrativeNotes([loaded.scenario]))) log(line);
    log(`Done: ${join(outDir, 'summary.md')}, ${[profile ? 'profile.csv' : '', attribution ? 'attribution.csv' : ''].filter(Boolean).join(', ')}, summary.json`);
    log(`Report: ${join(outDir, 'report.html')}`);
  }
  return { outDir, complete: true, profile, attribution };
}

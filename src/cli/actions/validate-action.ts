/**
 * `chuanyu validate` (`npm run validate`): checks every qualitative claim of
 * the paper and the reference design against the model with replications, and
 * writes docs/VALIDATION.md: claim, measured evidence, holds or not.
 */
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { isValidationReport, studyBlocks, VALIDATION_HEADING } from '../../report/validation/validation-blocks.js';
import { checkReplaceableFile } from '../../results/output-folder.js';
import { loadScenario } from '../../scenario/load.js';
import { getPath } from '../../scenario/merge.js';
import type { Scenario } from '../../scenario/schema.js';
import { runClaimWorlds, type ShippedResults } from '../../experiment/claim-worlds.js';
import { createProgress } from '../../experiment/progress.js';
import { CLAIM_SCENARIOS, loadClaimScenarios } from '../../experiment/validation-scenarios.js';
import { CLAIMS, MARGIN, lookupFrom, validationWorlds } from '../../experiment/validation-claims.js';
import { packageVersion, gitCommit } from '../package-info.js';
import type { ValidationSection } from '../validation-sections.js';
import { atHistoricalFit, measureLenses, steadyDemand, structuralFits, type MeasuredWorld } from '../../experiment/lens-measurements.js';
import { lensMeasurementsMarkdown } from '../../report/validation/lens-measurements-md.js';
import { inBriefMarkdown } from '../../report/validation/in-brief-md.js';
import { checkMarkedBlock, writeMarkedBlock } from '../../report/validation/readme-block.js';
import { measureRobustness } from '../../experiment/robustness.js';
import { robustnessMarkdown } from '../../report/validation/robustness-md.js';
import { measureWasteMechanism, WASTE_VARIANTS } from '../../experiment/waste-mechanism.js';
import { measureRegionCapMultiplier } from '../../experiment/region-cap-multiplier.js';
import { wasteMechanismMarkdown } from '../../report/validation/waste-mechanism-md.js';
import { regionCapMultiplierMarkdown } from '../../report/validation/region-cap-multiplier-md.js';
import { calibrationStudy, type StudyDirectionResult } from '../../experiment/calibration/study.js';
import { calibrationBriefMarkdown, calibrationStudyMarkdown, holdoutLimitsMarkdown } from '../../report/validation/calibration-study-md.js';
import { historyInput } from '../../experiment/history/series-runs.js';
import { findEpisodes, gridFor, measureSwitchProfile, profileWindows } from '../../experiment/history/switch-profile.js';
import { attributionRuns, measureAttribution } from '../../experiment/history/attribution.js';
import { historyBriefMarkdown, historyMarkdown } from '../../report/history/text.js';

export interface ValidateOptions {
  replications?: number;
  /** Replications and seeds of the lens measurements (default 16 at seeds 1 and 2). */
  lensReplications?: number;
  lensSeeds?: number[];
  seed?: number;
  write?: string;
  /** A file (the README) with a `<!-- validate:in-brief:start/end -->` block to write the short answers into. */
  readme?: string;
  workers?: number;
  quiet?: boolean;
  log?: (line: string) => void;
  /** Sections to leave out (for a quick look; `npm run validate` runs them all). */
  skip?: ValidationSection[];
  /** Sizes of the historical calibration study (default: the scenario's calibrate: section, 30 fresh replications, 5 seed sets). */
  history?: { iterations?: number; replications?: number; validationReplications?: number; seedSets?: number; profileReplications?: number; attributionReplications?: number; step?: number };
  /** The robustness ranges file and its scale (default scenarios/studies/robustness.yaml at full size). */
  robustness?: { file?: string; scale?: string };
  /** Replications and seeds of the two "why" measurements (default 16 at the lens seeds). */
  mechanisms?: { replications?: number; seeds?: number[] };
}



const HEADING = VALIDATION_HEADING;
const CLAIMS_START = '## The paper\'s and the design\'s claims';
/** The README block `npm run validate` writes the short answers into. */
export const IN_BRIEF_BLOCK = 'validate:in-brief';
/** The README block with the historical fit's summary. */
export const HISTORY_BLOCK = 'validate:history';

export async function validateAction(options: ValidateOptions): Promise<{ holds: number; total: number; markdown: string }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const replications = options.replications ?? 16;
  const seed = options.seed ?? 1;
  // Refused before any computing: --write replaces only a report this command wrote.
  if (options.write) await checkReplaceableFile(options.write, isValidationReport, 'a validation report');
  if (options.readme) for (const block of [IN_BRIEF_BLOCK, HISTORY_BLOCK]) await checkMarkedBlock(options.readme, block);
  const names = CLAIM_SCENARIOS;
  const scenarios = await loadClaimScenarios();
  const worlds = Object.keys(validationWorlds(scenarios));
  const progress = createProgress({ total: worlds.length, label: 'validate', unit: 'worlds', quiet: options.quiet });
  // The claims' worlds at the shipped point; the robustness section reuses them for its own shipped point.
  const shippedRuns = await runClaimWorlds(scenarios, { seed, replications, workers: options.workers ?? availableParallelism(), onWorld: () => progress.tick() });
  const results = shippedRuns.results;
  progress.stop();
  const lensSeeds = options.lensSeeds ?? [1, 2];
  // Each shipped scenario as it is and with steady demand (revision 1's), for the question "does competition waste, and when?".
  const divisionOfLabour = (await loadScenario('division-of-labour')).scenario;
  const shipped: MeasuredWorld[] = [...names.map((n) => ({ label: n, scenario: scenarios[n] })), { label: 'division-of-labour', scenario: divisionOfLabour }];
  // The policy worlds at the historical calibration's structural values (agglomeration and the like), so a reader sees
  // whether the answers hold where the model was fitted to history.
  const calibrated = (await loadScenario('historical-calibrated')).scenario;
  const atFit = shipped.filter((w) => ['compete', 'cooperate', 'division-of-labour'].includes(w.label)).map((w) => atHistoricalFit(w.label, w.scenario, calibrated));
  const lensWorlds = [...shipped, ...shipped.filter((w) => w.label !== 'baseline').map((w) => steadyDemand(w.label, w.scenario)), ...atFit];
  const gameWorlds = lensWorlds.filter((w) => w.label.startsWith('cooperate') || w.label.startsWith('division-of-labour'));
  const lensProgress = createProgress({ total: lensSeeds.length * (lensWorlds.length + gameWorlds.length), label: 'lenses', unit: 'worlds', quiet: options.quiet });
  const lenses = await measureLenses(lensWorlds, gameWorlds, {
    replications: options.lensReplications ?? 16,
    seeds: lensSeeds,
    workers: options.workers ?? availableParallelism(),
    onProgress: () => lensProgress.tick(),
  });
  lensProgress.stop();
  const skip = new Set(options.skip ?? []);
  const workers = options.workers ?? availableParallelism();
  const robustness = skip.has('robustness') ? [] : await robustnessSection({ ...options.robustness, workers, quiet: options.quiet, shipped: shippedRuns });
  const mechanisms = skip.has('mechanisms') ? [] : await mechanismsSection({ replications: options.mechanisms?.replications ?? 16, seeds: options.mechanisms?.seeds ?? lensSeeds, workers, quiet: options.quiet });
  const history = skip.has('history') ? null : await historySection(calibrated, { ...options.history, seed, workers, quiet: options.quiet });
  const get = lookupFrom(results);
  const checked = CLAIMS.map((claim) => ({ claim, result: claim.check(get) }));
  const holds = checked.filter((c) => c.result.holds).length;
  const lines = [
    HEADING,
    '',
    `Generated by \`npm run validate\` (chuanyu-sim ${packageVersion()}${gitCommit() ? `, commit ${gitCommit()!.slice(0, 10)}` : ''}); every figure below comes from that command.`,
    '',
    CLAIMS_START,
    '',
    `Every claim is checked against the model with ${replications} replications (seed ${seed}) under common random numbers. A comparison holds when its paired`,
    `difference is more than ${MARGIN} standard errors from zero in the stated direction. Worlds: the shipped`,
    '`baseline`, `compete`, `cooperate` and `exploited` scenarios; `reversed` (Sichuan competes, Chongqing',
    'cooperates); `cooperate-no-leverage` (fund leverage 0); `compete-steady` (compete without demand cycles); `compete-bust` (compete, with the chased sectors\'',
    `demand growth falling to ${-3}% a year from 2035). Counterfactual: the same seeds, every government invests, no fund.`,
    '',
    `**${holds} of ${checked.length} claims hold.**`,
    '',
    '| claim | source | measured evidence | holds |',
    '|---|---|---|---|',
    ...checked.map(({ claim, result }) => `| ${claim.statement} | ${claim.source} | ${result.evidence.replace(/\|/g, '\\|')} | ${result.holds ? 'yes' : '**no**'} |`),
    '',
    ...robustness,
    ...lensMeasurementsMarkdown(lenses),
    ...historicalFitNote(calibrated),
    ...mechanisms,
    ...(history?.lines ?? []),
  ];
  // Studies too long for every validation run keep their answers (written by `chuanyu study --validation`).
  const kept = options.write ? studyBlocks(await readFile(options.write, 'utf8').catch(() => '')) : [];
  const brief = inBriefMarkdown(lenses, { studyAnswers: kept.some((b) => b.includes('study:which-game:start')) });
  const at = lines.indexOf(CLAIMS_START);
  lines.splice(at, 0, ...brief);
  let markdown = lines.join('\n');
  for (const block of kept) markdown = `${markdown.trimEnd()}\n\n${block}`;
  if (options.write) await writeFile(options.write, markdown);
  if (options.readme)
    await writeMarkedBlock(options.readme, IN_BRIEF_BLOCK, [
      ...inBriefMarkdown(lenses, { heading: '### In brief: what the model answers today', studyAnswers: false }).map((l) => l.replace(/below/, 'in [docs/VALIDATION.md](docs/VALIDATION.md)')),
    ].join('\n'));
  if (options.readme && history) await writeMarkedBlock(options.readme, HISTORY_BLOCK, history.brief.join('\n'));
  if (!options.quiet) {
    for (const { claim, result } of checked) log(`${result.holds ? 'holds' : 'FAILS'}  ${claim.id}: ${result.evidence}`);
    log(`${holds} of ${checked.length} claims hold.${options.write ? ` Wrote ${options.write}` : ''}`);
  }
  return { holds, total: checked.length, markdown };
}

/** What "at the historical fit" means, with the values read from the calibrated scenario. */
function historicalFitNote(calibrated: Scenario): string[] {
  const values = structuralFits(calibrated).map((path) => `\`${path}\` = ${String(getPath(calibrated, path))}`);
  return [
    '### The policy worlds at the historical fit',
    '',
    `Worlds labelled "at the historical fit" are the shipped policy scenarios with the structural values that`,
    `\`scenarios/historical-calibrated.yaml\` fits to the paper's Table 1 (${values.join(', ')}); everything else, including`,
    'the sectors, demand and the 2025-2050 horizon, is the policy scenario\'s own. The shipped policy scenarios keep the',
    'reference design\'s values: the historical fit describes 1978-2015 with its own sectors\' growth, and whether its',
    'values are identified by ten autocorrelated points is what the calibration section below tests. The tables above show',
    'each region\'s change in every lens at both.',
    '',
  ];
}

/** How much of a plausible parameter region each claim holds in, and which parameters decide it. */
async function robustnessSection(options: { file?: string; scale?: string; workers: number; quiet?: boolean; shipped: ShippedResults }): Promise<string[]> {
  let progress: ReturnType<typeof createProgress> | null = null;
  const result = await measureRobustness({
    file: options.file,
    scale: options.scale,
    workers: options.workers,
    shipped: options.shipped,
    onProgress: (_done, total) => {
      progress ??= createProgress({ total, label: 'robustness', unit: 'worlds', quiet: options.quiet });
      progress.tick();
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.stop();
  return [...robustnessMarkdown(result), ''];
}

/** Two "why" questions the measurements raised, each answered by varying the mechanism in question. */
async function mechanismsSection(options: { replications: number; seeds: number[]; workers: number; quiet?: boolean }): Promise<string[]> {
  const total = options.replications * options.seeds.length * (WASTE_VARIANTS.length + 3);
  const progress = createProgress({ total, label: 'why', unit: 'runs', quiet: options.quiet });
  const measure = { replications: options.replications, seeds: options.seeds, workers: options.workers, onProgress: () => progress.tick() };
  const waste = await measureWasteMechanism(measure);
  const cap = await measureRegionCapMultiplier(measure);
  progress.stop();
  return ['## Why: two findings explained by measurement', '', ...wasteMechanismMarkdown(waste), '', ...regionCapMultiplierMarkdown(cap), ''];
}

/**
 * The fit to the paper's Table 1: the calibration study (full, forward and
 * reverse fits with every choice counted and naive baselines), and whether its
 * full fit is the one shipped as historical-calibrated.yaml.
 */
async function historySection(
  calibrated: Scenario,
  options: NonNullable<ValidateOptions['history']> & { seed: number; workers: number; quiet?: boolean },
): Promise<HistorySection> {
  const loaded = await loadScenario('historical');
  const section = loaded.scenario.calibrate!;
  const iterations = options.iterations ?? section.iterations;
  const replications = options.replications ?? section.replications;
  const progress = createProgress({ total: 3 * iterations, label: 'calibration', unit: 'evaluations', quiet: options.quiet });
  let done = 0;
  let last = { direction: '', evaluations: 0 };
  const study = await calibrationStudy(loaded, {
    iterations,
    replications,
    validationReplications: options.validationReplications,
    seedSets: options.seedSets,
    seed: options.seed,
    workers: options.workers,
    onProgress: (direction, evaluations) => {
      const step = direction === last.direction ? evaluations - last.evaluations : evaluations;
      last = { direction, evaluations };
      for (let i = 0; i < step && done < 3 * iterations; i++, done++) progress.tick();
    },
  });
  progress.stop();
  // Which competition windows the data support, and what each mechanism contributes, in the shipped calibrated scenario.
  const input = historyInput(await loadScenario('historical-calibrated'));
  const grid = gridFor(input.years, { step: options.step });
  const profileReplications = options.profileReplications ?? 20;
  const attributionReplications = options.attributionReplications ?? 30;
  const windows = profileWindows(input, grid, findEpisodes(input.scenario)).length;
  const runs = createProgress({ total: windows * profileReplications + attributionRuns(input, attributionReplications), label: 'history', unit: 'runs', quiet: options.quiet });
  let reported = 0;
  const tick = (base: number) => (done: number) => {
    runs.tick(base + done - reported);
    reported = base + done;
  };
  const profile = await measureSwitchProfile(input, { replications: profileReplications, seed: options.seed, grid, workers: options.workers, onProgress: tick(0) });
  const attribution = await measureAttribution(input, { replications: attributionReplications, seed: options.seed, workers: options.workers, onProgress: tick(windows * profileReplications) });
  runs.stop();
  const shipped = shippedFitLine(study.directions[0], calibrated, { iterations, replications, seed: options.seed, section });
  return {
    lines: ['## The historical fit', '', ...calibrationStudyMarkdown(study), '', ...holdoutLimitsMarkdown(study), '', ...shipped, '', ...historyMarkdown({ profile, attribution })],
    brief: [...calibrationBriefMarkdown(study), ...historyBriefMarkdown({ profile, attribution })],
  };
}

interface HistorySection {
  /** The report's section. */
  lines: string[];
  /** The README's short version. */
  brief: string[];
}

/** Whether the study's full fit is the one shipped as historical-calibrated.yaml (it is, when made with the same settings). */
function shippedFitLine(
  full: StudyDirectionResult,
  calibrated: Scenario,
  made: { iterations: number; replications: number; seed: number; section: NonNullable<Scenario['calibrate']> },
): string[] {
  const shipped = full.parameters.map((p) => ({ path: p.path, fitted: p.fitted, shipped: getPath(calibrated, p.path.replace('*', Object.keys(calibrated.governments)[0])) }));
  const same = shipped.every((p) => p.shipped === p.fitted);
  const sameSettings = made.iterations === made.section.iterations && made.replications === made.section.replications;
  if (same) return [`The full fit is the one shipped as \`scenarios/historical-calibrated.yaml\` (${shipped.map((p) => `\`${p.path}\` = ${p.fitted}`).join(', ')}).`];
  return [
    `The full fit (${shipped.map((p) => `\`${p.path}\` = ${p.fitted}`).join(', ')}) differs from \`scenarios/historical-calibrated.yaml\` (${shipped.map((p) => `${p.shipped}`).join(', ')})` +
      (sameSettings ? ': regenerate the shipped file with `chuanyu calibrate historical`.' : `, which was fitted with the scenario's own settings (${made.section.iterations} evaluations x ${made.section.replications} replications), not this run's.`),
  ];
}

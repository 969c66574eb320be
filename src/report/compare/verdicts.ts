/**
 * The verdicts of a comparison (issue 13): every compared scenario, the first
 * too, against its own counterfactual, in each displayed lens. Written as
 * verdicts.json (what the report reads back) and verdicts.csv (one row per
 * scenario, lens and region or zone; every lens, the `shown` column marks the
 * displayed ones).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioVerdicts } from '../../experiment/point-verdicts.js';
import type { ChangeInterval, LensVerdict } from '../../experiment/verdict.js';
import { GAME_LENSES } from '../../model/metrics/lenses.js';
import { UserError } from '../../scenario/errors.js';
import { csvLine } from '../../results/csv.js';
import { describeObjective, displayedLenses, type DisplayedLens } from '../common/lens-display.js';
import { stableJson } from '../../results/json-file.js';

export const VERDICTS_JSON = 'verdicts.json';
export const VERDICTS_CSV = 'verdicts.csv';
export const VERDICT_COLUMNS = ['scenario', 'lens', 'shown', 'region', 'change_mean', 'ci_low', 'ci_high', 'n', 'verdict', 'explanation'];

export interface ComparisonVerdicts {
  kind: 'comparison-verdicts';
  seed: number;
  replications: number;
  /** The lenses shown, in order, with their headings and what they measure. */
  shown: DisplayedLens[];
  /** In scenario order (the reference first); every lens, shown or not. */
  scenarios: ScenarioVerdicts[];
}

/**
 * The lenses a comparison shows: as a run shows them (displayedLenses) when
 * every scenario's governments pursue GDP alone; otherwise the objective gets
 * its own table, noting what each scenario's governments pursue.
 */
export function comparedLenses(scenarios: readonly ScenarioVerdicts[]): DisplayedLens[] {
  const rates = [...new Set(scenarios.map((s) => s.discountRate))];
  const per = scenarios.map((s) => displayedLenses(s.objectives, s.discountRate));
  const other = per.findIndex((lenses) => lenses.some((l) => l.lens === 'objective'));
  const shown = (other >= 0 ? per[other] : per[0] ?? displayedLenses(undefined, rates[0] ?? 0)).map((l) => ({ ...l }));
  for (const l of shown) {
    if (l.lens === 'welfare' && rates.length > 1) l.note = "residents' and the government's consumption and final wealth, discounted at each scenario's own rate";
    if (l.lens === 'objective')
      l.note = `what each scenario's governments pursue: ${scenarios.map((s) => `${s.scenario} ${Object.entries(s.objectives).map(([id, w]) => `${id} ${describeObjective(w)}`).join(', ')}`).join('; ')}`;
  }
  return shown;
}

export function comparisonVerdicts(scenarios: ScenarioVerdicts[], seed: number, replications: number): ComparisonVerdicts {
  return { kind: 'comparison-verdicts', seed, replications, shown: comparedLenses(scenarios), scenarios };
}

/** True when the scenario played exactly as its counterfactual in this lens (every change zero in every replication). */
export function isNoChange(v: LensVerdict): boolean {
  return v.verdict === 'indistinguishable' && [...Object.values(v.regions), v.zone].every((c) => c.mean === 0 && c.low === 0 && c.high === 0);
}

/** The verdict's short label: "no verdict" for indistinguishable, "no change" when nothing changed at all. */
export function verdictLabel(v: LensVerdict): string {
  if (isNoChange(v)) return 'no change';
  return v.verdict === 'indistinguishable' ? 'no verdict' : v.verdict;
}

export async function writeVerdictFiles(dir: string, verdicts: ComparisonVerdicts): Promise<void> {
  await writeFile(join(dir, VERDICTS_JSON), stableJson(verdicts));
  const shown = new Set(verdicts.shown.map((l) => l.lens));
  let text = csvLine(VERDICT_COLUMNS);
  for (const s of verdicts.scenarios)
    for (const lens of GAME_LENSES) {
      const v = s.lenses[lens];
      const row = (region: string, c: ChangeInterval) => csvLine([s.scenario, lens, shown.has(lens) ? 'true' : 'false', region, c.mean, c.low, c.high, c.n, v.verdict, v.explanation]);
      for (const id of s.regions) text += row(id, v.regions[id]);
      text += row('zone', v.zone);
    }
  await writeFile(join(dir, VERDICTS_CSV), text);
}

/** JSON writes a non-finite number as null; read it back as NaN. */
const num = (x: unknown) => (typeof x === 'number' ? x : Number.NaN);
const interval = (c: Partial<ChangeInterval> | undefined): ChangeInterval => ({ mean: num(c?.mean), low: num(c?.low), high: num(c?.high), n: num(c?.n) });

/** verdicts.json of a comparison folder, or null when the folder has none (written before verdicts were). */
export async function readVerdictFile(dir: string): Promise<ComparisonVerdicts | null> {
  const file = join(dir, VERDICTS_JSON);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let parsed: ComparisonVerdicts;
  try {
    parsed = JSON.parse(text) as ComparisonVerdicts;
  } catch (error) {
    throw new UserError(`${file} is not valid JSON`, { file, cause: error });
  }
  if (parsed?.kind !== 'comparison-verdicts' || !Array.isArray(parsed.scenarios) || !Array.isArray(parsed.shown)) throw new UserError(`${file} is not the verdicts of a comparison`, { file });
  for (const s of parsed.scenarios)
    for (const lens of GAME_LENSES) {
      const v = s.lenses?.[lens];
      if (!v) throw new UserError(`${file}: scenario "${String(s.scenario)}" has no verdict in the ${lens} lens`, { file });
      v.zone = interval(v.zone);
      for (const id of s.regions) v.regions[id] = interval(v.regions?.[id]);
    }
  return parsed;
}

/**
 * `chuanyu params [scenario] [terms...]`: every sweepable parameter of a
 * scenario with its type, unit, default (its value in that scenario), range and description, those matching
 * all terms; as text for people or JSON for machines. A plain function so
 * tests can call it without yargs.
 */
import { loadScenario, resolveScenarioPath } from '../../scenario/load.js';
import { parameterCatalog, searchParameters, type ParameterEntry } from '../../experiment/parameter-catalog.js';

export interface ParamsActionOptions {
  /** The positional words: a scenario name or path first (optional), then search terms. */
  words: string[];
  json?: boolean;
  log?: (text: string) => void;
}

export const DEFAULT_PARAMS_SCENARIO = 'baseline';

/** Whether `word` names a scenario (a shipped name or a scenario file), so it is not a search term. */
function isScenario(word: string): boolean {
  try {
    resolveScenarioPath(word);
    return true;
  } catch {
    return false;
  }
}

const shownValue = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));

/** One block a parameter: the path, then type, unit, default (its value in the scenario) and range, then the description. */
export function formatParameters(entries: readonly ParameterEntry[]): string {
  return entries
    .map((e) => {
      const facts = [e.type, e.unit ? `unit: ${e.unit}` : '', `default: ${shownValue(e.default)}`, e.range ? `range: ${e.range}` : ''].filter((f) => f !== '');
      return `${e.path}\n  ${facts.join('; ')}\n  ${e.description}`;
    })
    .join('\n');
}

export async function paramsAction(options: ParamsActionOptions): Promise<{ scenario: string; entries: ParameterEntry[] }> {
  const log = options.log ?? ((text: string) => process.stdout.write(text));
  const [first, ...rest] = options.words;
  const named = first !== undefined && isScenario(first);
  const scenarioName = named ? first : DEFAULT_PARAMS_SCENARIO;
  const terms = named ? rest : options.words;
  const loaded = await loadScenario(scenarioName);
  const entries = searchParameters(parameterCatalog(loaded.scenario as unknown as Record<string, unknown>), terms);
  if (options.json) log(JSON.stringify({ scenario: loaded.scenario.name, terms, parameters: entries }, null, 2) + '\n');
  else if (entries.length === 0) log(`No parameter of ${loaded.scenario.name} matches ${terms.map((t) => `"${t}"`).join(' and ')}.\n`);
  else log(`${entries.length} parameter${entries.length === 1 ? '' : 's'} of ${loaded.scenario.name}${terms.length > 0 ? ` matching ${terms.join(' ')}` : ''} (sweep with --param PATH=VALUES):\n\n${formatParameters(entries)}\n`);
  return { scenario: loaded.scenario.name, entries };
}

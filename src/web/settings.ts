/**
 * The explorer's settings: a base scenario plus the levers the student moved.
 * Only moved levers are kept (as overrides), so the URL and the exported
 * scenario say exactly what differs from the shipped scenario.
 */
import { stringify } from 'yaml';
import { RULE_NAMES, STRATEGIES } from '../model/config.js';
import type { Scenario } from '../scenario/schema.js';

/** A government's choice in the controls: a fixed strategy or a rule name (non-fixed rules). */
export const GOVERNMENT_CHOICES = [...STRATEGIES, ...RULE_NAMES.filter((r) => r !== 'fixed')] as const;
export type GovernmentChoice = (typeof GOVERNMENT_CHOICES)[number];
export const isGovernmentChoice = (v: string): v is GovernmentChoice => (GOVERNMENT_CHOICES as readonly string[]).includes(v);

export interface NumericLever {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  /** Where the value lives in the scenario file. */
  path: string[];
  integer?: boolean;
  /** A lever of the joint fund: it has no effect (and is disabled) while the fund is off. */
  fund?: true;
  help: string;
}

/** The numeric levers, in display (and focus) order. */
export const NUMERIC_LEVERS: readonly NumericLever[] = [
  { key: 'fundSize', label: 'Fund size (billion yuan, one-off)', min: 0, max: 200, step: 5, path: ['fund', 'size'], fund: true, help: 'One-off commitment when the joint fund is created.' },
  { key: 'leverage', label: 'Private leverage L', min: 0, max: 5, step: 0.1, path: ['fund', 'leverage'], fund: true, help: 'Private capital brought in per yuan of government commitment.' },
  { key: 'reinvestment', label: 'Re-investment requirement rho', min: 0, max: 2, step: 0.1, path: ['fund', 'reinvestment'], fund: true, help: 'Share of a commitment the fund must invest back in the committing region.' },
  { key: 'friction', label: 'Border friction d', min: 0, max: 0.8, step: 0.01, path: ['friction', 'border'], help: 'Share of cross-border supply-chain value lost at the start.' },
  { key: 'phi', label: 'Fund share phi', min: 0, max: 1, step: 0.05, path: ['policy', 'fundShare'], fund: true, help: 'Share of a cooperating budget paid into the joint fund.' },
  { key: 'budget', label: 'Industrial budget (subsidy level)', min: 0, max: 1, step: 0.05, path: ['governments', '*', 'investShare'], help: 'Both governments: budget for grants, offers and fund payments, as a multiple of tax rate x value added.' },
  { key: 'psi', label: 'Poaching share psi', min: 0, max: 1, step: 0.05, path: ['policy', 'poachShare'], help: 'Share of a competing budget spent on relocation offers.' },
  { key: 'steps', label: 'Horizon (years)', min: 5, max: 60, step: 1, path: ['time', 'steps'], integer: true, help: 'Number of simulated years.' },
  { key: 'seed', label: 'Seed', min: 0, max: 9999, step: 1, path: ['seed'], integer: true, help: 'Random seed (same seed, same world).' },
  { key: 'replications', label: 'Replications', min: 1, max: 10, step: 1, path: ['replications'], integer: true, help: 'Runs with different random draws.' },
  { key: 'firms', label: 'Firms at the start', min: 200, max: 5000, step: 100, path: ['initial', 'firms'], integer: true, help: 'Fewer firms run faster.' },
];

/** Whether the joint fund exists under the settings (the scenario's own choice unless moved). */
export function fundEnabled(settings: Settings, scenario: Scenario): boolean {
  return settings.fund ?? scenario.fund.enabled;
}

/**
 * Whether the fund's levers matter: the fund exists, or an event of the scenario
 * opens it later (a `fund.*` field set by an event creates it, as in normalize).
 */
export function fundLeversActive(settings: Settings, scenario: Scenario): boolean {
  return fundEnabled(settings, scenario) || scenario.events.some((e) => [e.set, e.scale, e.add].some((ops) => Object.keys(ops).some((p) => p.startsWith('fund.'))));
}

/** Said beside the fund's levers while the fund is off. */
export const FUND_OFF_NOTE = 'The joint fund is off and no event opens it, so its levers (fund size, leverage, re-investment, fund share) have no effect: switch the fund on to use them.';

/** Firms used when the student has not chosen: small enough to run live. */
export const EXPLORER_DEFAULT_FIRMS = 1500;
/** Replications shown live unless the student asks for more. */
export const EXPLORER_DEFAULT_REPLICATIONS = 3;

export interface Settings {
  /** Name of the base scenario (a shipped one, or the `name` of a file loaded from disk). */
  scenario: string;
  /** Per region id: the government's choice, when moved. */
  governments: Record<string, GovernmentChoice>;
  /** Whether the joint fund exists, when moved. */
  fund?: boolean;
  /** Numeric levers that were moved, by key. */
  numbers: Record<string, number>;
}

export function emptySettings(scenario: string): Settings {
  return { scenario, governments: {}, numbers: {} };
}

/** The control value of a government in a scenario: its fixed strategy or its rule name. */
export function governmentChoiceOf(scenario: Scenario, regionId: string): GovernmentChoice {
  const spec = scenario.governments?.[regionId]?.strategy ?? 'invest';
  if (typeof spec === 'string') return spec;
  if (spec.rule === 'fixed') return spec.strategy;
  return spec.rule;
}

/** Base value of every numeric lever in a scenario (explorer defaults for firms and replications). */
export function baseNumbers(scenario: Scenario): Record<string, number> {
  const reinvest = scenario.fund.reinvestment;
  const first = typeof reinvest === 'number' ? reinvest : (Object.values(reinvest)[0] ?? 0.5);
  return {
    fundSize: scenario.fund.size,
    leverage: scenario.fund.leverage,
    reinvestment: first,
    friction: scenario.friction.border,
    phi: scenario.policy.fundShare,
    psi: scenario.policy.poachShare,
    budget: scenario.governments?.[scenario.regions[0]?.id ?? '']?.investShare ?? 0.3,
    steps: scenario.time.steps,
    seed: scenario.seed,
    replications: Math.min(10, scenario.replications, EXPLORER_DEFAULT_REPLICATIONS),
    firms: Math.min(EXPLORER_DEFAULT_FIRMS, scenario.initial.firms),
  };
}

/** Effective value of every lever: the base scenario's, replaced by what was moved. */
export function effectiveNumbers(settings: Settings, scenario: Scenario): Record<string, number> {
  return { ...baseNumbers(scenario), ...settings.numbers };
}

/** The rule object (or strategy name) written into a scenario file for a choice. */
export function strategySpec(choice: GovernmentChoice): unknown {
  if ((STRATEGIES as readonly string[]).includes(choice)) return choice;
  if (choice === 'tit-for-tat' || choice === 'grim' || choice === 'imitate') return { rule: choice, initial: 'cooperate' };
  return { rule: choice, initial: 'cooperate', actions: ['cooperate', 'compete'] };
}

function setIn(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
}

/**
 * The scenario fields that the settings change, as a scenario-file fragment
 * (deep-merged onto the base). Firms and replications are always written:
 * the explorer runs fewer than the shipped scenarios by default.
 */
export function overrideFields(settings: Settings, scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const numbers = effectiveNumbers(settings, scenario);
  const base = baseNumbers(scenario);
  for (const lever of NUMERIC_LEVERS) {
    const value = numbers[lever.key];
    const always = lever.key === 'firms' || lever.key === 'replications';
    const original = lever.key === 'firms' ? scenario.initial.firms : lever.key === 'replications' ? scenario.replications : base[lever.key];
    if (value === undefined || (!always && value === base[lever.key]) || (always && value === original)) continue;
    // A `*` in the path stands for every region (a lever both governments share).
    if (lever.path.includes('*')) for (const r of scenario.regions) setIn(out, lever.path.map((p) => (p === '*' ? r.id : p)), value);
    else setIn(out, lever.path, value);
  }
  for (const [id, choice] of Object.entries(settings.governments)) {
    if (!scenario.regions.some((r) => r.id === id) || choice === governmentChoiceOf(scenario, id)) continue;
    setIn(out, ['governments', id, 'strategy'], strategySpec(choice));
  }
  if (settings.fund !== undefined && settings.fund !== scenario.fund.enabled) setIn(out, ['fund', 'enabled'], settings.fund);
  return out;
}

const fmtNumber = (v: number) => String(Number(v.toPrecision(6)));
const onOff = (on: boolean) => (on ? 'on' : 'off');

/**
 * The settings the student moved, in words, one item each: "Border friction d: 0.2 (was 0.3)".
 * With `runSize`, also the explorer's run size where it differs from the scenario's own
 * (firms and replications, which an export always writes).
 */
export function changedSettings(settings: Settings, scenario: Scenario, options: { runSize?: boolean } = {}): string[] {
  const out: string[] = [];
  const base = baseNumbers(scenario);
  const numbers = effectiveNumbers(settings, scenario);
  for (const lever of NUMERIC_LEVERS) {
    const moved = settings.numbers[lever.key] !== undefined && settings.numbers[lever.key] !== base[lever.key];
    const original = lever.key === 'firms' ? scenario.initial.firms : lever.key === 'replications' ? scenario.replications : base[lever.key];
    const runSize = options.runSize && (lever.key === 'firms' || lever.key === 'replications') && numbers[lever.key] !== original;
    if (moved || runSize) out.push(`${lever.label}: ${fmtNumber(numbers[lever.key])} (was ${fmtNumber(original)})`);
  }
  for (const region of scenario.regions) {
    const choice = settings.governments[region.id];
    const was = governmentChoiceOf(scenario, region.id);
    if (choice !== undefined && choice !== was) out.push(`${region.name}'s government: ${choice} (was ${was})`);
  }
  if (settings.fund !== undefined && settings.fund !== scenario.fund.enabled) out.push(`joint guidance fund: ${onOff(settings.fund)} (was ${onOff(scenario.fund.enabled)})`);
  return out;
}

/**
 * The description of the scenario the settings make. A shipped description may state what its
 * settings are meant to show, so once a setting moves it is not repeated as if it still held:
 * 'Based on "<title>": <changed settings>.' Unchanged settings keep the scenario's own description.
 */
export function describeSettings(settings: Settings, scenario: Scenario, options: { runSize?: boolean } = {}): string {
  const changes = changedSettings(settings, scenario, options);
  if (changes.length === 0) return scenario.description;
  return `Based on "${scenario.title || scenario.name || settings.scenario}": ${changes.join('; ')}.`;
}

/** Name of an exported scenario: the base name with a suffix, kept to safe characters. */
export function exportName(base: string): string {
  return `${base}-explorer`.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * The settings as a scenario file that `chuanyu run` accepts: it extends the
 * shipped base by name (when `baseRaw` is given, e.g. a file loaded from disk
 * that the CLI cannot find by name, the whole merged base is written instead).
 */
export function exportScenarioYaml(settings: Settings, scenario: Scenario, options: { baseRaw?: Record<string, unknown> } = {}): string {
  const fields = overrideFields(settings, scenario);
  const header = `# Exported by the chuanyu explorer from "${settings.scenario}".\n# Run it with: chuanyu run <this file>\n`;
  const name = exportName(settings.scenario);
  const title = `${scenario.title || settings.scenario} (explorer settings)`;
  const description = describeSettings(settings, scenario, { runSize: true });
  if (options.baseRaw) {
    const { extends: _e, ...base } = options.baseRaw;
    return header + stringify(mergeInto({ ...base, name, title, description }, fields));
  }
  return header + stringify({ extends: settings.scenario, name, title, description, ...fields });
}

function mergeInto(base: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(fields)) {
    const b = out[k];
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && b !== null && typeof b === 'object' && !Array.isArray(b)
      ? mergeInto(b as Record<string, unknown>, v as Record<string, unknown>)
      : v;
  }
  return out;
}

// ---- URL encoding ------------------------------------------------------------------------------

/**
 * Settings as a query string: `scenario=cooperate&gov.sichuan=compete&fund=1&steps=20`.
 * Only moved levers appear, so a shared link stays short and readable.
 */
export function encodeSettings(settings: Settings): string {
  const params = new URLSearchParams();
  params.set('scenario', settings.scenario);
  for (const [id, choice] of Object.entries(settings.governments).sort(([a], [b]) => a.localeCompare(b))) params.set(`gov.${id}`, choice);
  if (settings.fund !== undefined) params.set('fund', settings.fund ? '1' : '0');
  for (const lever of NUMERIC_LEVERS) {
    const v = settings.numbers[lever.key];
    if (v !== undefined && Number.isFinite(v)) params.set(lever.key, String(v));
  }
  return params.toString();
}

/** Reads settings from a query string (leading `?` or `#` allowed); unknown or malformed entries are ignored. */
export function decodeSettings(query: string, fallbackScenario = 'baseline'): Settings {
  const params = new URLSearchParams(query.replace(/^[?#]/, ''));
  const settings = emptySettings(params.get('scenario') || fallbackScenario);
  for (const [key, value] of params) {
    if (key.startsWith('gov.') && key.length > 4 && isGovernmentChoice(value)) settings.governments[key.slice(4)] = value;
  }
  const fund = params.get('fund');
  if (fund === '1' || fund === '0') settings.fund = fund === '1';
  for (const lever of NUMERIC_LEVERS) {
    const text = params.get(lever.key);
    if (text === null || text.trim() === '') continue;
    const v = Number(text);
    if (!Number.isFinite(v)) continue;
    const clamped = Math.min(lever.max, Math.max(lever.min, lever.integer ? Math.round(v) : v));
    settings.numbers[lever.key] = clamped;
  }
  return settings;
}

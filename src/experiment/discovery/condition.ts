/**
 * Conditions on one replication's outcomes (`chuanyu discover --where`): the
 * names a condition may use come from the replication's own summary cells
 * (results/point-format.ts), so every metric the sweep recorded is available
 * and nothing else is (docs/DISCOVERY.md lists the forms):
 *
 *   metric.region.statistic   a cell, e.g. similarity.sichuan~chongqing.over_run
 *   metric.region             the same cell's `final` value (`over_run` when it has no final one)
 *   lens.<lens>, outcome      a lens's class against the counterfactual (outcome: the GDP lens),
 *                             compared with == or != to a class such as win-win
 *   metric.region > counterfactual
 *                             the run minus its counterfactual (the cell metric_vs_counterfactual
 *                             over the run, or metric_change) compared with 0
 *
 * and a few presets in plain words (PRESETS). A comparison with a missing value
 * (NaN: an undefined ratio) is false, whatever the operator.
 */
import { distance } from 'fastest-levenshtein';
import { GAME_OUTCOMES } from '../../model/metrics/win-win.js';
import { GAME_LENSES } from '../../model/metrics/lenses.js';
import { UserError } from '../../scenario/errors.js';
import { conditionError, parseCondition, type CompareOp, type ConditionNode, type Operand } from './condition-parse.js';

/** One replication's outcomes: numbers by `metric.region.statistic`, classes by `lens.<lens>`. */
export interface Outcomes {
  values: Map<string, number>;
  classes: Map<string, string>;
}

/** What names a data set offers: its cells' keys, its class names and its regions (not zone, not pairs). */
export interface OutcomeNames {
  values: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  regions: readonly string[];
}

export interface Preset {
  name: string;
  /** The condition in plain words, for sentences ("both regions gain in welfare"). */
  words: (regions: readonly string[]) => string;
  /** The condition it stands for, in the language. */
  expression: (regions: readonly string[]) => string;
}

const every = (regions: readonly string[]) => (regions.length === 2 ? 'both regions' : `all ${regions.length} regions`);
const allOf = (regions: readonly string[], part: (r: string) => string) => regions.map(part).join(' and ');

export const PRESETS: readonly Preset[] = [
  { name: 'both-gain-welfare', words: (r) => `${every(r)} gain in welfare against the counterfactual`, expression: (r) => allOf(r, (id) => `welfare_change.${id} > 0`) },
  { name: 'both-gain-gdp', words: (r) => `${every(r)} gain in cumulative value added against the counterfactual`, expression: (r) => allOf(r, (id) => `value_added_change.${id} > 0`) },
  ...GAME_LENSES.map((lens) => ({ name: `win-win-${lens}`, words: () => `the ${lens} lens is win-win (every region gains beyond its tolerance band)`, expression: () => `lens.${lens} == win-win` })),
  { name: 'zone-gains-gdp', words: () => 'the zone gains in cumulative value added against the counterfactual', expression: () => 'value_added_change.zone > 0' },
  { name: 'zone-waste-above-counterfactual', words: () => 'zone wasted expansion is above the counterfactual', expression: () => 'wasted_expansion.zone > counterfactual' },
  { name: 'duplication-above-counterfactual', words: () => 'the zone\'s duplicated investment share is above the counterfactual', expression: () => 'duplicated_investment_share.zone > counterfactual' },
  { name: 'idle-capital-above-counterfactual', words: () => 'zone idle capital is above the counterfactual', expression: () => 'idle_capital.zone > counterfactual' },
];

/** A condition bound to a data set's names. */
export interface BoundCondition {
  /** The text as given. */
  source: string;
  /** The condition in words: a preset's plain words, or "<the text> holds". */
  words: string;
  test: (outcomes: Outcomes) => boolean;
}

type Getter = { type: 'number'; get: (o: Outcomes) => number } | { type: 'class'; get: (o: Outcomes) => string | undefined } | { type: 'literal-class'; value: string };

/** Every name a condition may use on this data, for messages and `--names`. */
export function availableNames(names: OutcomeNames): string[] {
  const short = new Set<string>();
  for (const key of names.values) {
    const [metric, region, statistic] = splitKey(key);
    if (statistic === 'final' || !names.values.has(`${metric}.${region}.final`)) short.add(`${metric}.${region}`);
  }
  return [...short, ...names.values, ...names.classes, ...(names.classes.has('lens.gdp') ? ['outcome'] : [])].sort();
}

const splitKey = (key: string): [string, string, string] => {
  const parts = key.split('.');
  return [parts[0], parts.slice(1, -1).join('.'), parts[parts.length - 1]];
};

function closestFirst(name: string, options: readonly string[], count = 8): string {
  const ranked = [...options].sort((a, b) => distance(name, a) - distance(name, b) || a.localeCompare(b));
  return ranked.slice(0, count).join(', ') + (ranked.length > count ? `, ... (${ranked.length} in all; \`chuanyu discover DIR --names\` lists them)` : '');
}

function resolveName(source: string, operand: Extract<Operand, { kind: 'name' }>, names: OutcomeNames): Getter {
  const name = operand.name;
  if (name === 'counterfactual') throw conditionError(source, operand.at, '"counterfactual" stands on one side of a comparison with a metric, e.g. wasted_expansion.zone > counterfactual');
  if ((GAME_OUTCOMES as readonly string[]).includes(name)) return { type: 'literal-class', value: name };
  const classKey = name === 'outcome' ? 'lens.gdp' : name;
  if (names.classes.has(classKey)) return { type: 'class', get: (o) => o.classes.get(classKey) };
  if (name.startsWith('lens.') || name === 'outcome') {
    if (names.classes.size === 0) throw conditionError(source, operand.at, `${JSON.stringify(name)}: this folder's runs have no counterfactual (run with --no-counterfactual), so no lens classes`);
    throw conditionError(source, operand.at, `unknown lens ${JSON.stringify(name)}; expected one of ${[...names.classes].join(', ')}`);
  }
  const key = names.values.has(name) ? name : names.values.has(`${name}.final`) ? `${name}.final` : names.values.has(`${name}.over_run`) ? `${name}.over_run` : null;
  if (key) return { type: 'number', get: (o) => o.values.get(key) ?? Number.NaN };
  throw conditionError(source, operand.at, `unknown name ${JSON.stringify(name)}; closest: ${closestFirst(name, availableNames(names))}`);
}

/** `metric.region > counterfactual`: the run minus the counterfactual, as the cells hold it. */
function counterfactualDifference(source: string, operand: Operand, names: OutcomeNames): Getter {
  if (operand.kind !== 'name') throw conditionError(source, operand.at, 'expected a metric to compare with the counterfactual, e.g. wasted_expansion.zone > counterfactual');
  const parts = operand.name.split('.');
  const metric = parts[0];
  const region = parts.slice(1).filter((p) => p !== 'final' && p !== 'over_run').join('.');
  for (const key of [`${metric}_vs_counterfactual.${region}.over_run`, `${metric}_change.${region}.final`, `${metric}_change.${region}.over_run`])
    if (names.values.has(key)) return { type: 'number', get: (o) => o.values.get(key) ?? Number.NaN };
  const offered = [...names.values].filter((k) => /_(vs_counterfactual|change)\./.test(k)).map((k) => k.replace(/_(vs_counterfactual|change)\.(.*)\.(final|over_run)$/, '.$2'));
  if (offered.length === 0) throw conditionError(source, operand.at, 'this folder\'s runs have no counterfactual (run with --no-counterfactual), so nothing can be compared with it');
  throw conditionError(source, operand.at, `no counterfactual difference is recorded for ${JSON.stringify(operand.name)}; closest that have one: ${closestFirst(operand.name, [...new Set(offered)])}`);
}

const compareNumbers = (op: CompareOp, a: number, b: number): boolean => {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '==' ? a === b : a !== b;
};
const FLIP: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

function bindComparison(source: string, node: Extract<ConditionNode, { kind: 'compare' }>, names: OutcomeNames): (o: Outcomes) => boolean {
  const get = (operand: Operand): Getter => (operand.kind === 'number' ? { type: 'number', get: () => operand.value } : resolveName(source, operand, names));
  const isCounterfactual = (operand: Operand) => operand.kind === 'name' && operand.name === 'counterfactual';
  const zero: Getter = { type: 'number', get: () => 0 };
  let left: Getter;
  let right: Getter;
  let op = node.op;
  // The metric compared with the counterfactual need not be a cell itself (wasted_expansion.zone has final and over_run cells; the difference is a cell of its own).
  if (isCounterfactual(node.left) && isCounterfactual(node.right)) throw conditionError(source, node.at, 'compare a metric with the counterfactual, not the counterfactual with itself');
  if (isCounterfactual(node.left)) [left, right, op] = [counterfactualDifference(source, node.right, names), zero, FLIP[op]];
  else if (isCounterfactual(node.right)) [left, right] = [counterfactualDifference(source, node.left, names), zero];
  else [left, right] = [get(node.left), get(node.right)];
  if (left.type === 'number' && right.type === 'number') {
    const [a, b] = [left.get, right.get];
    return (o) => compareNumbers(op, a(o), b(o));
  }
  const isClass = (g: Getter) => g.type === 'class' || g.type === 'literal-class';
  if (isClass(left) && isClass(right)) {
    if (op !== '==' && op !== '!=') throw conditionError(source, node.at, `classes such as win-win are compared with == or !=, not ${op}`);
    const value = (g: Getter) => (g.type === 'class' ? g.get : g.type === 'literal-class' ? () => g.value : () => undefined);
    const [a, b] = [value(left), value(right)];
    return op === '==' ? (o) => a(o) === b(o) : (o) => a(o) !== b(o);
  }
  throw conditionError(source, node.at, `cannot compare a class (${GAME_OUTCOMES.join(', ')}) with a number; write e.g. lens.welfare == win-win or welfare_change.sichuan > 0`);
}

function bindNode(source: string, node: ConditionNode, names: OutcomeNames): (o: Outcomes) => boolean {
  switch (node.kind) {
    case 'and': {
      const [a, b] = [bindNode(source, node.left, names), bindNode(source, node.right, names)];
      return (o) => a(o) && b(o);
    }
    case 'or': {
      const [a, b] = [bindNode(source, node.left, names), bindNode(source, node.right, names)];
      return (o) => a(o) || b(o);
    }
    case 'not': {
      const a = bindNode(source, node.operand, names);
      return (o) => !a(o);
    }
    case 'compare':
      return bindComparison(source, node, names);
    case 'preset': {
      const preset = PRESETS.find((p) => p.name === node.name);
      if (!preset) throw conditionError(source, node.at, `${JSON.stringify(node.name)} is not a preset, and a name needs a comparison (e.g. ${node.name} > 0); presets: ${closestFirst(node.name, PRESETS.map((p) => p.name), PRESETS.length)}`);
      return bindCondition(preset.expression(names.regions), names).test;
    }
  }
}

/** Parses `source` and binds it to the names of a data set; a UserError says where and what was expected. */
export function bindCondition(source: string, names: OutcomeNames): BoundCondition {
  const tree = parseCondition(source);
  const test = bindNode(source, tree, names);
  const preset = tree.kind === 'preset' ? PRESETS.find((p) => p.name === tree.name) : undefined;
  return { source, words: preset ? preset.words(names.regions) : `${source.trim().replace(/\s+/g, ' ')} holds`, test };
}

/** The names a set of outcomes offers (the first replication's; discover checks every replication has the same cells). */
export function outcomeNames(first: Outcomes): OutcomeNames {
  const regions = [...new Set([...first.values.keys()].map((k) => splitKey(k)[1]))].filter((r) => r !== 'zone' && !r.includes('~')).sort();
  return { values: new Set(first.values.keys()), classes: new Set(first.classes.keys()), regions };
}

/** The error when a replication lacks a cell the first one has. */
export function missingCellError(where: string, key: string): UserError {
  return new UserError(`${where} has no value ${key}, which the first replication has; every replication of a discovery must record the same outcomes`);
}

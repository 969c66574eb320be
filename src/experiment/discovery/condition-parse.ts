/**
 * The condition language of `chuanyu discover --where` (docs/DISCOVERY.md):
 *
 *   condition  := or
 *   or         := and ( ("or" | "||") and )*
 *   and        := not ( ("and" | "&&") not )*
 *   not        := ("not" | "!") not | "(" condition ")" | comparison | preset
 *   comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
 *   operand    := number | name | "counterfactual"
 *
 * Names hold letters, digits and `_ . ~ -` (`welfare_change.sichuan`,
 * `similarity.sichuan~chongqing.over_run`, the class `positive-sum-with-loser`),
 * which is why this is a small hand parser: in expression libraries such as
 * jsep `-` and `~` are operators, and their configuration is global. The parser
 * only builds the tree; names are resolved against the data in condition.ts.
 * Errors are UserErrors saying at which character what was expected.
 */
import { UserError } from '../../scenario/errors.js';

export const COMPARE_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export type Operand = { kind: 'number'; value: number; at: number } | { kind: 'name'; name: string; at: number };

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand; at: number }
  /** A bare name standing alone: a preset (checked when names are resolved). */
  | { kind: 'preset'; name: string; at: number };

type Token = { type: 'num'; value: number; text: string; at: number } | { type: 'word'; text: string; at: number } | { type: 'op' | 'punct'; text: string; at: number } | { type: 'end'; text: ''; at: number };

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_.~-]/;
const NUMBER = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i;

/** A condition error: what was expected at which character (1-based); the hint shows the condition with a caret under that character. */
export function conditionError(source: string, at: number, detail: string): UserError {
  // Control characters would move the caret (or the terminal's cursor): shown as "?", one character each.
  const shown = source.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return new UserError(`--where ${JSON.stringify(source)}: at character ${at + 1}: ${detail}`, { hint: `${shown}\n${' '.repeat(8 + at)}^ here (docs/DISCOVERY.md describes the condition language)` });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (['<=', '>=', '==', '!='].includes(two)) {
      tokens.push({ type: 'op', text: two, at: i });
      i += 2;
    } else if (two === '&&' || two === '||') {
      tokens.push({ type: 'word', text: two === '&&' ? 'and' : 'or', at: i });
      i += 2;
    } else if (c === '<' || c === '>') {
      tokens.push({ type: 'op', text: c, at: i });
      i++;
    } else if (c === '(' || c === ')' || c === '!') {
      tokens.push({ type: 'punct', text: c, at: i });
      i++;
    } else if (c === '=') {
      throw conditionError(source, i, 'a single "=" is not a comparison; write "==" for equal');
    } else if (/[0-9.]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(source[i + 1] ?? ''))) {
      const sign = c === '-' || c === '+' ? c : '';
      const m = NUMBER.exec(source.slice(i + sign.length));
      if (!m) throw conditionError(source, i, `expected a number, found ${JSON.stringify(source.slice(i, i + 8))}`);
      const text = sign + m[0];
      if (WORD_START.test(source[i + text.length] ?? '')) throw conditionError(source, i, `expected a number or a name, found ${JSON.stringify(source.slice(i, i + text.length + 8))} (names start with a letter)`);
      tokens.push({ type: 'num', value: Number(text), text, at: i });
      i += text.length;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < source.length && WORD_PART.test(source[j])) j++;
      tokens.push({ type: 'word', text: source.slice(i, j), at: i });
      i = j;
    } else {
      throw conditionError(source, i, `unexpected character ${JSON.stringify(c)}; expected a name, a number, a comparison (< <= > >= == !=), and, or, not or parentheses`);
    }
  }
  tokens.push({ type: 'end', text: '', at: source.length });
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not']);
const describeToken = (t: Token) => (t.type === 'end' ? 'the end of the condition' : JSON.stringify(t.text));

/** Parses a condition into its tree; a UserError says where and what was expected. */
export function parseCondition(source: string): ConditionNode {
  if (source.trim() === '') throw conditionError(source, 0, 'the condition is empty; expected e.g. "welfare_change.sichuan > 0" or a preset such as both-gain-welfare');
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token, w: string) => t.type === 'word' && t.text.toLowerCase() === w;

  const parseOr = (): ConditionNode => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): ConditionNode => {
    let left = parseNot();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): ConditionNode => {
    const t = peek();
    if (isWord(t, 'not') || (t.type === 'punct' && t.text === '!')) {
      pos++;
      return { kind: 'not', operand: parseNot() };
    }
    if (t.type === 'punct' && t.text === '(') {
      pos++;
      const inner = parseOr();
      const close = peek();
      if (!(close.type === 'punct' && close.text === ')')) throw conditionError(source, close.at, `expected ")" to close the "(" at character ${t.at + 1}, found ${describeToken(close)}`);
      pos++;
      return inner;
    }
    return parseComparison();
  };
  const parseOperand = (): Operand => {
    const t = peek();
    if (t.type === 'num') {
      pos++;
      return { kind: 'number', value: t.value, at: t.at };
    }
    if (t.type === 'word' && !KEYWORDS.has(t.text.toLowerCase())) {
      pos++;
      return { kind: 'name', name: t.text, at: t.at };
    }
    throw conditionError(source, t.at, `expected a name or a number, found ${describeToken(t)}`);
  };
  const parseComparison = (): ConditionNode => {
    const left = parseOperand();
    const op = peek();
    if (op.type !== 'op') {
      // A name alone is a preset; anything else needs a comparison.
      if (left.kind === 'name' && (op.type === 'end' || (op.type === 'punct' && op.text === ')') || isWord(op, 'and') || isWord(op, 'or'))) return { kind: 'preset', name: left.name, at: left.at };
      throw conditionError(source, op.at, `expected a comparison (< <= > >= == !=) after ${JSON.stringify(left.kind === 'name' ? left.name : String(left.value))}, found ${describeToken(op)}`);
    }
    pos++;
    const right = parseOperand();
    return { kind: 'compare', op: op.text as CompareOp, left, right, at: left.at };
  };

  const tree = parseOr();
  const rest = peek();
  if (rest.type !== 'end') throw conditionError(source, rest.at, `expected and, or or the end of the condition, found ${describeToken(rest)}`);
  return tree;
}

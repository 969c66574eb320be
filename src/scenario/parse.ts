/**
 * Parsing one scenario text safely, keeping the YAML document so any field path
 * can be mapped back to a line and column. Pure: no Node APIs, so the browser
 * explorer parses files with exactly the limits the CLI applies.
 *
 * Scenario files are YAML or JSON; JSON is parsed by the same YAML parser (JSON
 * is YAML) so it gets line numbers too. Hostile or broken input must end in a
 * clear UserError, never a crash or a hang: size, encoding, nesting depth (a
 * recursive parser overflows its stack on `[[[[...`), the number of entries
 * (the parser takes ~10 us per key, and its own duplicate-key check is
 * quadratic, so it is off and ours below is linear) and alias expansion
 * ("billion laughs") are all bounded before or while parsing. Only the plain
 * tags of the YAML core schema are accepted: `!!binary`, `!!set`, `!!timestamp`
 * or custom tags would silently become other values.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { describeValue, messages, UserError, type Location, type PathSegment } from './errors.js';
import { findDocumentProblem } from './yaml-checks.js';

export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIAS_COUNT = 100;
/**
 * Keys and list items a file may hold: the largest shipped scenario has about
 * 300, a full input-output table of 64 sectors 4096. The parser needs about
 * 35 ms per 1000 on a busy machine, so this keeps any file well under a second.
 */
export const MAX_ENTRIES = 10_000;
export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface ScenarioSource {
  /** File name as shown in messages. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The parsed top-level mapping (plain data). */
  value: Record<string, unknown>;
  /** Line and column of the node at `path`, or of its nearest existing ancestor (for a missing key: the parent mapping). */
  locate(path: readonly PathSegment[]): Location | undefined;
  /** How many leading segments of `path` exist in this document, and where the deepest one is. */
  resolve(path: readonly PathSegment[]): { depth: number; location: Location | undefined };
}

/**
 * UTF-16 (or UTF-32) text: a byte-order mark, or ASCII with a zero byte beside
 * every character (text saved as "Unicode" by some Windows editors has no BOM).
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 512) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) [zeroEven, zeroOdd] = [zeroEven + (bytes[i] === 0 ? 1 : 0), zeroOdd + (bytes[i + 1] === 0 ? 1 : 0)];
  return n >= 4 && Math.max(zeroEven, zeroOdd) >= 0.4 * (n / 2);
}

/** Bytes to text: size limit, not UTF-16, no NUL bytes, valid UTF-8 (a leading BOM is dropped). */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_SOURCE_BYTES) throw new UserError(messages.tooLarge(bytes.length, MAX_SOURCE_BYTES), { file });
  if (looksLikeUtf16(bytes)) throw new UserError(messages.notText('utf16'), { file });
  if (bytes.includes(0)) throw new UserError(messages.notText('nul'), { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(messages.notText('utf8'), { file });
  }
}

/**
 * Nesting depth and entry count seen in the raw text, before the (recursive,
 * slow) parser runs. Depth: flow brackets outside quotes and comments, and
 * block levels from indentation and compact `- ` / `? ` indicators. Entries:
 * one per block line, per flow bracket and per flow comma. Both are cheap
 * over-estimates, exact enough for the usual cases; the parsed structure's
 * depth is checked again precisely afterwards. Returns the offset where a
 * limit was passed.
 */
function prescan(text: string): { limit: 'depth' | 'entries'; offset: number } | undefined {
  let flow = 0;
  let quote = '';
  let blockScalarIndent = -1; // > -1 while inside a `|` or `>` block scalar
  const indents: number[] = [];
  let offset = 0;
  let entries = 0;
  for (const line of text.split('\n')) {
    const lineOffset = offset;
    offset += line.length + 1;
    let i = 0;
    let tokenStart = true;
    if (!quote && flow === 0) {
      const indent = line.length - line.trimStart().length;
      const rest = line.trim();
      if (rest === '' || rest.startsWith('#')) continue;
      if (blockScalarIndent >= 0 && indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
      if (++entries > MAX_ENTRIES) return { limit: 'entries', offset: lineOffset + indent };
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      i = indent;
      while (/^[-?:]( |$)/.test(line.slice(i))) {
        i += 1;
        while (line[i] === ' ') i++;
        indents.push(i);
      }
      if (indents.length > MAX_DEPTH) return { limit: 'depth', offset: lineOffset + i };
      if (/(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))) blockScalarIndent = indent;
    }
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) [quote, tokenStart] = ['', false];
      } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      else if ((c === '"' || c === "'") && tokenStart) quote = c;
      else if ((c === '[' || c === '{') && (flow > 0 || tokenStart)) {
        if (++flow + indents.length > MAX_DEPTH + 1) return { limit: 'depth', offset: lineOffset + i };
        if (++entries > MAX_ENTRIES) return { limit: 'entries', offset: lineOffset + i };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if (c === ',' || c === ':') {
        tokenStart = true;
        if (c === ',' && flow > 0 && ++entries > MAX_ENTRIES) return { limit: 'entries', offset: lineOffset + i };
      }
      else if (c !== ' ' && c !== '\t' && c !== '\r') tokenStart = false;
    }
  }
  return undefined;
}

/**
 * The first collection nested deeper than MAX_DEPTH, or one that contains itself
 * (an alias inside its own anchor makes a cyclic structure). Iterative, so it cannot overflow.
 */
function findTooDeep(value: unknown): { path: PathSegment[]; cycle: boolean } | undefined {
  const stack: { value: unknown; path: PathSegment[]; ancestors: object[] }[] = [{ value, path: [], ancestors: [] }];
  while (stack.length > 0) {
    const { value: v, path, ancestors } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (ancestors.includes(v)) return { path, cycle: true };
    if (path.length >= MAX_DEPTH) return { path, cycle: false };
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) stack.push({ value: child, path: [...path, k], ancestors: [...ancestors, v] });
  }
  return undefined;
}

/** Parses one scenario text (YAML or JSON). Throws a located UserError for any problem. */
export function parseScenarioText(text: string, file: string): ScenarioSource {
  if (text.length > MAX_SOURCE_BYTES) throw new UserError(messages.tooLarge(text.length, MAX_SOURCE_BYTES), { file });
  if (text.includes('\0')) throw new UserError(messages.notText('nul'), { file });
  const lineCounter = new LineCounter();
  const at = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const over = prescan(text);
  if (over) {
    // The parser has not run, so the line counter is empty: count lines here.
    const before = text.slice(0, over.offset);
    const location = { line: before.split('\n').length, column: over.offset - before.lastIndexOf('\n') };
    throw new UserError(over.limit === 'depth' ? messages.nestedTooDeeply(MAX_DEPTH) : messages.tooManyEntries(MAX_ENTRIES), { file, location });
  }
  let doc: Document.Parsed;
  let value: unknown;
  try {
    // prettyErrors off: we format the position ourselves; logLevel 'error': no process warnings.
    // uniqueKeys off: its check is quadratic; findDocumentProblem makes a linear one.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: false });
    const error = doc.errors[0];
    if (error) {
      const message = error.code === 'RESOURCE_EXHAUSTION' ? messages.nestedTooDeeply(MAX_DEPTH) : messages.yamlSyntax(error.message);
      throw new UserError(message, { file, location: at(error.pos[0]) });
    }
    const problem = findDocumentProblem(doc, text, at);
    if (problem) throw new UserError(problem.message, { file, location: problem.offset === undefined ? undefined : at(problem.offset) });
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof RangeError) throw new UserError(messages.nestedTooDeeply(MAX_DEPTH), { file, cause: e });
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      const message = /excessive/i.test(e.message) ? messages.aliasBomb(MAX_ALIAS_COUNT) : messages.yamlSyntax(e.message);
      // The parser does not say which alias overflowed; the first alias is where expansion starts.
      let location: Location | undefined;
      visit(doc!, { Alias: (_, node) => ((location = node.range ? at(node.range[0]) : undefined), visit.BREAK) });
      throw new UserError(message, { file, location, cause: e });
    }
    throw e;
  }

  // Keys of each mapping by name, built on first use: one issue per key of a large mapping stays linear.
  const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let pairs = pairIndex.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
      pairIndex.set(map, pairs);
    }
    return pairs;
  };
  const nodeAt = (path: readonly PathSegment[]) => {
    // Walks the document; stops at the deepest existing node. Locations point at map keys, so
    // `taxRate: 3` is reported where `taxRate` is written.
    let node: unknown = doc.contents;
    let location = node && isScalarOrCollection(node) && node.range ? at(node.range[0]) : { line: 1, column: 1 };
    let depth = 0;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextLocation: Location | undefined;
      if (isMap(node)) {
        const pair = pairsOf(node).get(String(seg));
        if (pair) {
          next = pair.value;
          const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
          nextLocation = keyRange ? at(keyRange[0]) : undefined;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        if (next && isScalarOrCollection(next) && next.range) nextLocation = at(next.range[0]);
      }
      if (next === undefined) break;
      node = next;
      location = nextLocation ?? location;
      depth++;
    }
    return { depth, location };
  };

  if (doc.contents === null) throw new UserError(messages.emptyFile(), { file });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UserError(messages.notAMapping(describeValue(value)), { file, location: nodeAt([]).location });
  const tooDeep = findTooDeep(value);
  if (tooDeep) {
    const message = tooDeep.cycle ? messages.selfReference() : messages.nestedTooDeeply(MAX_DEPTH);
    throw new UserError(message, { file, location: nodeAt(tooDeep.path).location });
  }

  return {
    file,
    text,
    doc,
    lineCounter,
    value: value as Record<string, unknown>,
    locate: (path) => nodeAt(path).location,
    resolve: nodeAt,
  };
}

function isScalarOrCollection(node: unknown): node is Node {
  return isScalar(node) || isMap(node) || isSeq(node);
}

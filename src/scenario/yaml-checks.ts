/**
 * Checks of a parsed YAML document that the parser makes too slowly or not at
 * all. Pure, like parse.ts.
 *
 * - Duplicate keys, in linear time: the parser's own `uniqueKeys` check
 *   compares every key with every other (180 000 keys took ten minutes).
 *   Keys are compared as the JavaScript object will see them (`1` and `"1"`
 *   are the same field), and a key must be a plain scalar, not a list or
 *   mapping (which would become a string such as "[ a ]").
 * - Tags: only the plain tags of the YAML core schema. The parser turns
 *   `!!binary` into a Buffer, `!!set` and `!!omap` into empty mappings,
 *   `!!timestamp` into a date string and unknown tags (`!foo`,
 *   `!!python/object`) silently into strings; none of these is meaningful in
 *   a scenario, so they are refused where they are written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Pair } from 'yaml';
import { messages, type Location } from './errors.js';

const CORE = 'tag:yaml.org,2002:';
const ALLOWED_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

/** `!!binary` for the core prefix, the tag itself otherwise. */
export const showTag = (tag: string): string => (tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag);

export interface DocumentProblem {
  message: string;
  /** Offset in the text, when known. */
  offset: number | undefined;
}

/** Where the tag of the value at `valueStart` begins: the node's range starts at its value, after its tag (`!!binary`, `!e!foo`). */
function tagStart(text: string, valueStart: number): number {
  let i = text.lastIndexOf('!', valueStart);
  while (i > 0 && !/[\s,[{:]/.test(text[i - 1])) i--;
  return i;
}

/** The name a mapping key gets in the parsed object, or undefined for a key that is not a plain scalar. */
function keyName(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!isScalar(key)) return undefined;
  return key.value === null ? '' : String(key.value);
}

/** The first unsupported tag, duplicate key or non-scalar key, in document order. */
export function findDocumentProblem(doc: Document.Parsed, text: string, at: (offset: number) => Location): DocumentProblem | undefined {
  let problem: DocumentProblem | undefined;
  visit(doc, (_, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
      problem = { message: messages.unsupportedTag(showTag(node.tag)), offset: node.range ? tagStart(text, node.range[0]) : undefined };
      return visit.BREAK;
    }
    if (!isMap(node)) return undefined;
    const seen = new Map<string, Pair>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const name = keyName(pair.key);
      const keyOffset = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) || isAlias(pair.key) ? pair.key.range?.[0] : undefined;
      if (name === undefined) {
        problem = { message: messages.complexKey(), offset: keyOffset };
        return visit.BREAK;
      }
      const first = seen.get(name);
      if (first) {
        const firstOffset = isScalar(first.key) ? first.key.range?.[0] : undefined;
        problem = { message: messages.duplicateKey(name, firstOffset === undefined ? undefined : at(firstOffset)), offset: keyOffset };
        return visit.BREAK;
      }
      seen.set(name, pair);
    }
    return undefined;
  });
  if (problem) return problem;
  // A core tag on a value it cannot describe (`!!int x`, `!!map [1]`).
  const failed = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (failed) {
    const tag = /tag: (\S+)/.exec(failed.message)?.[1] ?? '';
    return { message: messages.tagMismatch(showTag(tag)), offset: failed.pos[0] };
  }
  return undefined;
}

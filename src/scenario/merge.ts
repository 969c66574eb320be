/**
 * Deep merge for `extends`, and safe get/set by dotted path (parameter sweeps).
 *
 * Scenario data comes from files anyone can write, so keys are untrusted. A key
 * `__proto__`, `constructor` or `prototype` is rejected wherever it appears:
 * assigning `obj["__proto__"] = x` would replace the prototype of the result
 * (and recursing into `__proto__` would merge into Object.prototype itself).
 * Results are fresh plain objects built from own enumerable properties only;
 * inputs are never mutated, so a parent scenario can be shared by children.
 */
import { formatPath, messages, UserError, type PathSegment } from './errors.js';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A mapping as parsed from YAML/JSON: an object whose prototype is Object.prototype or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Path of the first forbidden key anywhere in `value` (breadth-first, without recursion), or undefined. */
export function findUnsafeKey(value: unknown): PathSegment[] | undefined {
  const queue: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  const seen = new Set<object>(); // shared (aliased) or cyclic values are visited once
  for (let i = 0; i < queue.length; i++) {
    const { value: v, path } = queue[i];
    if (v !== null && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (Array.isArray(v)) v.forEach((item, k) => queue.push({ value: item, path: [...path, k] }));
    else if (v !== null && typeof v === 'object') {
      // getOwnPropertyNames also sees a non-enumerable own "__proto__" some parsers create.
      for (const key of Object.getOwnPropertyNames(v)) {
        if (FORBIDDEN_KEYS.has(key)) return [...path, key];
        queue.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return undefined;
}

/** Throws a UserError naming the path of a forbidden key, if there is one. */
export function assertSafeKeys(value: unknown, file?: string): void {
  const bad = findUnsafeKey(value);
  if (bad) throw new UserError(messages.unsafeKey(String(bad[bad.length - 1])), { file, fieldPath: formatPath(bad) });
}

/** A deep copy of plain data (mappings, lists, scalars); other objects are kept by reference. */
function cloneData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneData);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneData(value[key]);
  return out;
}

/**
 * `override` on top of `base`: mappings merge key by key (recursively); lists
 * and scalars in `override` replace those in `base` (a child listing sectors
 * means exactly those sectors). Keys whose value is `undefined` in `override`
 * are ignored. Throws a UserError for a forbidden key in either input.
 */
export function deepMerge<T = unknown>(base: unknown, override: unknown): T {
  assertSafeKeys(base);
  assertSafeKeys(override);
  return mergeChecked(base, override) as T;
}

function mergeChecked(base: unknown, override: unknown): unknown {
  if (override === undefined) return cloneData(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return cloneData(override);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = cloneData(base[key]);
  for (const key of Object.keys(override)) {
    if (override[key] === undefined) continue;
    out[key] = Object.hasOwn(base, key) ? mergeChecked(base[key], override[key]) : cloneData(override[key]);
  }
  return out;
}

/** `"a.b.0"` -> `['a', 'b', 0]`; arrays of segments pass through. Rejects forbidden segments (and empty ones in a string). */
export function parsePath(path: string | readonly PathSegment[]): PathSegment[] {
  const segments = typeof path === 'string' ? path.split('.').map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s)) : [...path];
  for (const seg of segments) {
    if (typeof seg === 'string' && FORBIDDEN_KEYS.has(seg)) throw new UserError(messages.unsafeKey(seg), { fieldPath: formatPath(segments) });
    // An empty key is legal data (`"": 1`), but in a dotted string it is a typo such as `a..b`.
    if (seg === '' && typeof path === 'string') throw new UserError(messages.badPathSegment('', 'empty segment'), { fieldPath: path });
  }
  return segments;
}

/** The value at a dotted path, looking at own properties only; undefined when any step is missing. */
export function getPath(obj: unknown, path: string | readonly PathSegment[]): unknown {
  let current = obj;
  for (const seg of parsePath(path)) {
    if (Array.isArray(current)) {
      if (typeof seg !== 'number') return undefined;
      current = current[seg];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, seg)) {
      current = (current as Record<string, unknown>)[seg];
    } else return undefined;
  }
  return current;
}

/**
 * A copy of `obj` with the value at `path` set (copy-on-write: untouched
 * branches are shared, `obj` is not modified). Missing mappings on the way are
 * created; a list index may be at most the list length (append); stepping into
 * a scalar is an error.
 */
export function setPath<T = unknown>(obj: T, path: string | readonly PathSegment[], value: unknown): T {
  const segments = parsePath(path);
  const set = (current: unknown, depth: number): unknown => {
    if (depth === segments.length) return value;
    const seg = segments[depth];
    const where = formatPath(segments.slice(0, depth + 1));
    if (Array.isArray(current)) {
      if (typeof seg !== 'number' || seg > current.length)
        throw new UserError(messages.badPathSegment(String(seg), `expected an index from 0 to ${current.length}`), { fieldPath: where });
      const copy = current.slice();
      copy[seg] = set(current[seg], depth + 1);
      return copy;
    }
    if (current === undefined || current === null || isPlainObject(current)) {
      const copy: Record<string, unknown> = {};
      if (current) for (const key of Object.keys(current)) copy[key] = (current as Record<string, unknown>)[key];
      const key = String(seg);
      copy[key] = set(Object.hasOwn(copy, key) ? copy[key] : undefined, depth + 1);
      return copy;
    }
    throw new UserError(messages.badPathSegment(String(seg), `${formatPath(segments.slice(0, depth)) || 'the value'} is not a mapping or list`), { fieldPath: where });
  };
  return set(obj, 0) as T;
}

/**
 * Which of several layers (highest priority first: child before parent) wrote
 * the value that `deepMerge` keeps at `path`, so a problem found after merging
 * can be reported in the right file. Walking down the path, the layers that
 * contribute are those holding a mapping there, up to the first one holding a
 * list or scalar, which replaces everything below it. The answer is the first
 * contributor at the deepest prefix of `path` any layer has; for a missing key,
 * the layer holding the mapping that should contain it.
 */
export function mergedOwner<T extends { value: unknown }>(layers: readonly T[], path: readonly PathSegment[]): T {
  let owners = [...layers];
  for (let depth = 1; depth <= path.length; depth++) {
    const prefix = path.slice(0, depth);
    const next: T[] = [];
    for (const layer of owners) {
      const value = getPath(layer.value, prefix);
      if (value === undefined) continue;
      if (isPlainObject(value)) next.push(layer);
      else {
        if (next.length === 0) next.push(layer);
        break;
      }
    }
    if (next.length === 0) break;
    owners = next;
  }
  return owners[0];
}

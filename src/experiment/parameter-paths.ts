/**
 * Sweep parameter paths as a user writes them and as the scenario holds them.
 * Lists with ids (sectors, regions) may be addressed by id as events do:
 * `sectors.electronics.demandGrowth` is `sectors.10.demandGrowth` when
 * electronics is the eleventh sector; governments, a record by region id, may
 * be addressed by the region's index (`governments.0.taxRate`). And when a
 * path is not a parameter, the closest few paths (edit distance and shared
 * words) for the hint.
 */
import { distance } from 'fastest-levenshtein';

const isIndex = (s: string) => /^(0|[1-9]\d*)$/.test(s);
const idOf = (item: unknown): unknown => (item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined);

/**
 * The path the scenario object holds: an id segment inside a list of items
 * with ids becomes the item's index, and a region index under `governments`
 * becomes the region's id. Anything else is returned as written.
 */
export function canonicalParameterPath(path: string, scenario: unknown): string {
  const parts = path.split('.');
  const regions = (scenario as { regions?: unknown[] } | null)?.regions;
  let node: unknown = scenario;
  for (let i = 0; i < parts.length; i++) {
    if (Array.isArray(node) && !isIndex(parts[i])) {
      const k = node.findIndex((item) => idOf(item) === parts[i]);
      if (k >= 0) parts[i] = String(k);
    } else if (i === 1 && parts[0] === 'governments' && isIndex(parts[i]) && Array.isArray(regions)) {
      const id = idOf(regions[Number(parts[i])]);
      if (typeof id === 'string') parts[i] = id;
    }
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[parts[i]] : undefined;
  }
  return parts.join('.');
}

/** The words of a path: its segments split at dots, dashes and camelCase, lower-cased. */
export function pathWords(path: string): string[] {
  return path
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[.\s_-]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w !== '');
}

/**
 * The `limit` candidates closest to `path`: fewest edits per character, less
 * a bonus for each word they share (so `sectors.electronix.demandGrowth` finds
 * `sectors.electronics.demandGrowth`, not an input-output coefficient).
 */
export function closestPaths(path: string, candidates: readonly string[], limit = 5): string[] {
  const words = new Set(pathWords(path));
  const score = (c: string) => {
    const shared = pathWords(c).filter((w) => words.has(w)).length;
    return distance(path, c) / Math.max(path.length, c.length) - 0.25 * shared / Math.max(1, words.size);
  };
  return candidates
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => a.s - b.s || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((x) => x.c);
}

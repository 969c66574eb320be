/**
 * Visits candidates in descending score order (ties by ascending position)
 * while the visitor asks for more, without sorting every candidate.
 *
 * Scores are counted into buckets by value (one pass), then only the top
 * buckets are gathered and sorted, bucket by bucket: first enough buckets for
 * about twice as many candidates as the last call visited, then twice as many
 * again while the visitor wants more. A bucket never holds a higher score than
 * a bucket before it, so the visiting order is exactly that of a full sort. The
 * fund usually places its money in the first few buckets, so the cost is a few
 * sequential reads of the scores.
 */
const BUCKETS = 4096;
/** Candidates gathered by the first batch at least. */
const FIRST_BATCH = 256;

export interface DescendingScratch {
  /** Candidate positions of the gathered buckets, bucket by bucket. */
  order: Uint32Array;
  sizes: Int32Array;
  fill: Int32Array;
  /** Candidates the last call visited: sizes its first batch. */
  visitedLast: number;
  /** The lowest score the last call gathered (+Infinity if none). */
  lowestGathered: number;
}

export function createDescendingScratch(): DescendingScratch {
  return { order: new Uint32Array(FIRST_BATCH), sizes: new Int32Array(BUCKETS), fill: new Int32Array(BUCKETS + 1), visitedLast: 0, lowestGathered: Number.POSITIVE_INFINITY };
}

/**
 * Calls `visit(c)` for candidate positions c in [0, count) by descending
 * `score[c]`, ties by ascending c, until it returns false. Returns whether the
 * visitor stopped the visit (false: every candidate was visited).
 */
export function visitDescending(score: Float64Array, count: number, scratch: DescendingScratch, visit: (c: number) => boolean): boolean {
  scratch.lowestGathered = Number.POSITIVE_INFINITY;
  if (count === 0) return false;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    const s = score[c];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const buckets = Math.min(BUCKETS, count);
  const scale = max > min ? (buckets - 1) / (max - min) : 0;
  // Highest scores go to bucket 0, so buckets are visited in increasing order.
  const top = buckets - 1;
  const { sizes, fill } = scratch;
  sizes.fill(0, 0, buckets);
  for (let c = 0; c < count; c++) sizes[top - Math.floor((score[c] - min) * scale)]++;

  const byScore = (a: number, b: number) => score[b] - score[a] || a - b;
  let visited = 0;
  let target = Math.max(FIRST_BATCH, 2 * scratch.visitedLast);
  let from = 0;
  while (from < buckets) {
    // The batch: buckets [from, to) holding at least `target` candidates (or the rest).
    let to = from;
    let size = 0;
    while (to < buckets && size < target) size += sizes[to++];
    if (scratch.order.length < size) scratch.order = new Uint32Array(Math.max(size, 2 * scratch.order.length));
    const order = scratch.order;
    fill[0] = 0;
    for (let b = from; b < to; b++) fill[b - from + 1] = fill[b - from] + sizes[b];
    let lowest = scratch.lowestGathered;
    for (let c = 0; c < count; c++) {
      const b = top - Math.floor((score[c] - min) * scale);
      if (b >= from && b < to) {
        order[fill[b - from]++] = c;
        if (score[c] < lowest) lowest = score[c];
      }
    }
    scratch.lowestGathered = lowest;
    // fill[j] now ends bucket from + j; bucket from + j starts where bucket from + j - 1 ended.
    let start = 0;
    for (let b = from; b < to; b++) {
      const end = fill[b - from];
      if (end - start > 1) order.subarray(start, end).sort(byScore);
      for (let j = start; j < end; j++) {
        visited++;
        if (!visit(order[j])) {
          scratch.visitedLast = visited;
          return true;
        }
      }
      start = end;
    }
    from = to;
    target *= 2;
  }
  scratch.visitedLast = visited;
  return false;
}

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
  /** Buffers of the in-bucket sort. */
  sortTemp: Uint32Array;
  sortCounts: Int32Array;
  sizes: Int32Array;
  fill: Int32Array;
  /** Candidates the last call visited: sizes its first batch. */
  visitedLast: number;
  /** The lowest score the last call gathered (+Infinity if none). */
  lowestGathered: number;
}

export function createDescendingScratch(): DescendingScratch {
  return { order: new Uint32Array(FIRST_BATCH), sortTemp: new Uint32Array(0), sortCounts: new Int32Array(0), sizes: new Int32Array(BUCKETS), fill: new Int32Array(BUCKETS + 1), visitedLast: 0, lowestGathered: Number.POSITIVE_INFINITY };
}

/**
 * Bucket of score s among top + 1 buckets over [min, min + range], highest
 * scores in bucket 0. Monotone in s (a lower score never gets a lower bucket),
 * which is all the exact order needs; dividing by the range first keeps it
 * finite however close the scores are.
 */
function bucketOf(s: number, min: number, range: number, top: number): number {
  return range > 0 && range < Number.POSITIVE_INFINITY ? top - Math.floor(((s - min) / range) * top) : top;
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
  // Highest scores go to bucket 0, so buckets are visited in increasing order.
  const top = buckets - 1;
  const range = max - min;
  const { sizes, fill } = scratch;
  sizes.fill(0, 0, buckets);
  for (let c = 0; c < count; c++) sizes[bucketOf(score[c], min, range, top)]++;

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
      const b = bucketOf(score[c], min, range, top);
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
      if (end - start > 1) sortByScore(order, start, end, score, scratch);
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

/** Slices this short are insertion-sorted. */
const SHORT = 24;

/**
 * Sorts order[start, end) (candidate positions, ascending) by descending
 * score, ties keeping their ascending order: one counting pass into as many
 * sub-buckets as there are entries, then insertion sort of each (usually one
 * or two entries), so a bucket of thousands costs a few passes rather than a
 * comparison sort. Equal scores share a sub-bucket and every step is stable,
 * so the order is exactly that of sorting by (score descending, position).
 */
function sortByScore(order: Uint32Array, start: number, end: number, score: Float64Array, scratch: DescendingScratch): void {
  const n = end - start;
  if (n <= SHORT) return insertionSort(order, start, end, score);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = start; j < end; j++) {
    const s = score[order[j]];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (!(max > min)) return; // all equal: already in position order
  if (scratch.sortTemp.length < n) {
    scratch.sortTemp = new Uint32Array(2 * n);
    scratch.sortCounts = new Int32Array(2 * n + 1);
  }
  const temp = scratch.sortTemp;
  const counts = scratch.sortCounts;
  const top = n - 1;
  const range = max - min;
  counts.fill(0, 0, n + 1);
  for (let j = start; j < end; j++) counts[bucketOf(score[order[j]], min, range, top) + 1]++;
  for (let b = 0; b < n; b++) counts[b + 1] += counts[b];
  for (let j = start; j < end; j++) {
    const c = order[j];
    temp[counts[bucketOf(score[c], min, range, top)]++] = c;
  }
  order.set(temp.subarray(0, n), start);
  // counts[b] now ends sub-bucket b.
  let from = 0;
  for (let b = 0; b < n; b++) {
    const to = counts[b];
    if (to - from > 1) {
      if (to - from <= SHORT) insertionSort(order, start + from, start + to, score);
      else order.subarray(start + from, start + to).sort((a, c) => score[c] - score[a] || a - c);
    }
    from = to;
  }
}

function insertionSort(order: Uint32Array, start: number, end: number, score: Float64Array): void {
  for (let j = start + 1; j < end; j++) {
    const c = order[j];
    const s = score[c];
    let k = j - 1;
    // Move past entries with a lower score (or an equal score and a higher position).
    while (k >= start && (score[order[k]] < s || (score[order[k]] === s && order[k] > c))) {
      order[k + 1] = order[k];
      k--;
    }
    order[k + 1] = c;
  }
}

/**
 * Visits candidates in descending score order (ties by ascending index) while
 * the visitor asks for more, without sorting every candidate: scores are
 * counting-sorted into buckets in linear time, and only the buckets actually
 * reached are sorted. The fund usually places its money in the first few
 * buckets, so the cost is linear in the number of firms.
 */
const BUCKETS = 4096;

export interface DescendingScratch {
  order: Uint32Array;
  bucketOf: Uint16Array;
}

export function createDescendingScratch(capacity: number): DescendingScratch {
  return { order: new Uint32Array(capacity), bucketOf: new Uint16Array(capacity) };
}

export function visitDescending(
  candidates: Uint32Array,
  count: number,
  score: Float64Array,
  scratch: DescendingScratch,
  visit: (firm: number) => boolean,
): void {
  if (count === 0) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    const s = score[candidates[c]];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const buckets = Math.min(BUCKETS, count);
  const scale = max > min ? (buckets - 1) / (max - min) : 0;
  const sizes = new Int32Array(buckets);
  const { order, bucketOf } = scratch;
  for (let c = 0; c < count; c++) {
    // Highest scores go to bucket 0, so a bucket's slice comes before lower ones.
    const b = buckets - 1 - Math.floor((score[candidates[c]] - min) * scale);
    bucketOf[c] = b;
    sizes[b]++;
  }
  const start = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) start[b + 1] = start[b] + sizes[b];
  const fill = start.slice(0, buckets);
  for (let c = 0; c < count; c++) order[fill[bucketOf[c]]++] = candidates[c];
  const byScore = (a: number, b: number) => score[b] - score[a] || a - b;
  for (let b = 0; b < buckets; b++) {
    const from = start[b];
    const to = start[b + 1];
    if (to === from) continue;
    const slice = order.subarray(from, to);
    if (to - from > 1) slice.sort(byScore);
    for (let j = 0; j < slice.length; j++) if (!visit(slice[j])) return;
  }
}

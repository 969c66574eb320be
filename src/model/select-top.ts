/**
 * Partial selection: reorders `items[from, to)` so that its first `n` entries are
 * the best `n` by `better`, sorted. Expected linear time (quickselect with a
 * median-of-three pivot) plus n log n for the sort, instead of sorting everything.
 * `better` must be a strict total order (break ties by index) so the result is
 * deterministic and a larger n extends a smaller n's prefix.
 */
export function selectTop(
  items: Uint32Array,
  from: number,
  to: number,
  n: number,
  better: (a: number, b: number) => boolean,
): number {
  const count = Math.min(n, to - from);
  if (count <= 0) return 0;
  let lo = from;
  let hi = to - 1;
  const target = from + count - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot, moved to hi
    if (better(items[mid], items[lo])) swap(items, mid, lo);
    if (better(items[hi], items[lo])) swap(items, hi, lo);
    if (better(items[mid], items[hi])) swap(items, mid, hi);
    const pivot = items[hi];
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if (better(items[i], pivot)) {
        swap(items, i, store);
        store++;
      }
    }
    swap(items, store, hi);
    if (store === target) break;
    if (store < target) lo = store + 1;
    else hi = store - 1;
  }
  const head = items.subarray(from, from + count);
  head.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return count;
}

function swap(items: Uint32Array, i: number, j: number): void {
  const t = items[i];
  items[i] = items[j];
  items[j] = t;
}

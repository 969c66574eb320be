import { describe, expect, it } from 'vitest';
import { createStream, type Uniform } from '../../src/model/rng.js';
import { selectTop } from '../../src/model/select-top.js';

/** Values with many ties (integers 0..levels-1) so the index tie-break matters. */
function randomValues(random: Uniform, n: number, levels: number): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.floor(random() * levels);
  return v;
}

/** A shuffled 0..n-1 permutation. */
function shuffled(random: Uniform, n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** Higher value first, ties by lower index: a strict total order. */
const byValueThenIndex = (v: Float64Array) => (a: number, b: number) => v[a] > v[b] || (v[a] === v[b] && a < b);

function fullSort(items: ArrayLike<number>, better: (a: number, b: number) => boolean): number[] {
  return Array.from(items).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

describe('selectTop', () => {
  it('matches the first n of a full sort on random arrays, ties broken by index', () => {
    const random = createStream('select-top/random');
    for (let trial = 0; trial < 200; trial++) {
      const size = 1 + Math.floor(random() * 300);
      const levels = 1 + Math.floor(random() * 20);
      const v = randomValues(random, size, levels);
      const better = byValueThenIndex(v);
      const items = shuffled(random, size);
      const expected = fullSort(items, better);
      const n = Math.floor(random() * (size + 1));
      const count = selectTop(items, 0, size, n, better);
      expect(count).toBe(n);
      expect(Array.from(items.subarray(0, n))).toEqual(expected.slice(0, n));
      // the rest is the remaining items in some order
      expect(Array.from(items).sort((a, b) => a - b)).toEqual(expected.slice().sort((a, b) => a - b));
    }
  });

  it('works on a sub-range and leaves the outside alone', () => {
    const random = createStream('select-top/range');
    for (let trial = 0; trial < 100; trial++) {
      const size = 20 + Math.floor(random() * 200);
      const v = randomValues(random, size, 7);
      const better = byValueThenIndex(v);
      const items = shuffled(random, size);
      const before = Array.from(items);
      const from = Math.floor(random() * (size / 2));
      const to = from + 1 + Math.floor(random() * (size - from - 1));
      const n = 1 + Math.floor(random() * (to - from));
      const expected = fullSort(items.subarray(from, to), better);
      expect(selectTop(items, from, to, n, better)).toBe(n);
      expect(Array.from(items.subarray(from, from + n))).toEqual(expected.slice(0, n));
      expect(Array.from(items.subarray(0, from))).toEqual(before.slice(0, from));
      expect(Array.from(items.subarray(to))).toEqual(before.slice(to));
      expect(Array.from(items.subarray(from, to)).sort((a, b) => a - b)).toEqual(before.slice(from, to).sort((a, b) => a - b));
    }
  });

  it('sorts the whole range when n exceeds it', () => {
    const random = createStream('select-top/large-n');
    const v = randomValues(random, 50, 5);
    const better = byValueThenIndex(v);
    const items = shuffled(random, 50);
    const expected = fullSort(items.subarray(10, 30), better);
    expect(selectTop(items, 10, 30, 1000, better)).toBe(20);
    expect(Array.from(items.subarray(10, 30))).toEqual(expected);
  });

  it('returns 0 and changes nothing for n <= 0 or an empty range', () => {
    const items = Uint32Array.from([3, 1, 2]);
    const better = (a: number, b: number) => a < b;
    expect(selectTop(items, 0, 3, 0, better)).toBe(0);
    expect(selectTop(items, 0, 3, -2, better)).toBe(0);
    expect(selectTop(items, 2, 2, 5, better)).toBe(0);
    expect(Array.from(items)).toEqual([3, 1, 2]);
  });

  it('a larger n extends a smaller n\'s prefix', () => {
    const random = createStream('select-top/prefix');
    const size = 150;
    const v = randomValues(random, size, 4); // heavy ties
    const better = byValueThenIndex(v);
    const start = shuffled(random, size);
    let previous: number[] = [];
    for (let n = 1; n <= size; n++) {
      const items = start.slice();
      selectTop(items, 0, size, n, better);
      const head = Array.from(items.subarray(0, n));
      expect(head.slice(0, n - 1)).toEqual(previous);
      previous = head;
    }
  });

  it('handles the hand example', () => {
    // values by index: 0:5 1:9 2:5 3:1 4:9 -> order 1(9), 4(9), 0(5), 2(5), 3(1)
    const v = Float64Array.from([5, 9, 5, 1, 9]);
    const items = Uint32Array.from([3, 2, 4, 0, 1]);
    expect(selectTop(items, 0, 5, 3, byValueThenIndex(v))).toBe(3);
    expect(Array.from(items.subarray(0, 3))).toEqual([1, 4, 0]);
  });
});

/**
 * The fund's per-step money (fund-tranches.ts): placements respect each
 * vintage's tranche and its obligations to the other regions, and the cached
 * headroom always equals what a fresh computation gives; under a region cap no
 * vintage places more in a region than the cap leaves it, and a vintage that
 * places its whole tranche keeps every region within the cap's share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranches, place, type Tranches } from '../../src/model/fund-tranches.js';

const owedToOthers = (t: Tranches, v: number, s: number) => {
  let others = 0;
  for (let r = 0; r < t.regions; r++) if (r !== s) others += Math.max(0, t.owed[v * t.regions + r] - t.invested[v * t.regions + r]);
  return others;
};

const freshHeadroom = (t: Tranches, s: number) => {
  let h = 0;
  for (let v = 0; v < t.vintages; v++) h += Math.max(0, Math.min(t.tranche[v], t.cash[v] - owedToOthers(t, v, s)));
  return h;
};

const world = fc.integer({ min: 2, max: 3 }).chain((regions) =>
  fc.record({
    regions: fc.constant(regions),
    vintages: fc.array(
      fc.record({
        cash: fc.double({ min: 0, max: 100, noNaN: true }),
        deploy: fc.double({ min: 0, max: 1, noNaN: true }),
        owed: fc.array(fc.double({ min: 0, max: 80, noNaN: true }), { minLength: regions, maxLength: regions }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    placements: fc.array(fc.record({ region: fc.nat({ max: regions - 1 }), want: fc.double({ min: 0, max: 30, noNaN: true }) }), { maxLength: 40 }),
  }),
);

describe('fund tranches', () => {
  it('never place beyond a tranche, the want, or what keeps the other regions owed money covered', () => {
    fc.assert(
      fc.property(world, ({ regions, vintages, placements }) => {
        const t = createTranches(
          vintages.map((v) => v.deploy * v.cash),
          vintages.map((v) => v.cash),
          vintages.map((v) => v.owed),
          regions,
        );
        const startTranche = Array.from(t.tranche);
        let total = 0;
        for (const { region, want } of placements) {
          const headroom = t.headroom[region];
          const cashBefore = Array.from(t.cash);
          const placed = place(t, region, want);
          total += placed;
          expect(placed).toBeGreaterThanOrEqual(0);
          expect(placed).toBeLessThanOrEqual(want + 1e-9);
          // What a firm gets is its want, or the region's headroom if that is smaller.
          if (want > 1e-12) expect(placed).toBeCloseTo(Math.min(want, headroom), 9);
          for (let v = 0; v < t.vintages; v++) {
            expect(t.tranche[v]).toBeGreaterThanOrEqual(-1e-9);
            // A vintage that paid out still covers what it owes the other regions.
            if (t.cash[v] < cashBefore[v]) expect(t.cash[v]).toBeGreaterThanOrEqual(owedToOthers(t, v, region) - 1e-9);
          }
          for (let s = 0; s < regions; s++) expect(t.headroom[s]).toBe(freshHeadroom(t, s));
          expect(t.anyHeadroom).toBe(Array.from(t.headroom).some((h) => h > 1e-12));
        }
        expect(total).toBeLessThanOrEqual(startTranche.reduce((a, b) => a + b, 0) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('under a region cap, never place beyond the cap room; a tranche placed in full keeps each region within the cap', () => {
    const capped = fc.integer({ min: 2, max: 3 }).chain((regions) =>
      fc.record({
        regions: fc.constant(regions),
        cap: fc.double({ min: 1 / regions, max: 1, noNaN: true }),
        vintages: fc.array(
          fc.record({
            cash: fc.double({ min: 0, max: 100, noNaN: true }),
            deploy: fc.double({ min: 0, max: 1, noNaN: true }),
            held: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: regions, maxLength: regions }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        // Firms of every region keep coming, round after round, so the cap can be met.
        wants: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 10 }),
      }),
    );
    fc.assert(
      fc.property(capped, ({ regions, cap, vintages, wants }) => {
        // Each vintage's earlier investment was within the cap (as the cap keeps it, year after year):
        // drawn weights pulled towards an even split until the largest share is at most the cap.
        for (const v of vintages) {
          const total = v.held.reduce((a, b) => a + b, 0);
          if (!(total > 0)) continue;
          const largest = Math.max(...v.held) / total;
          const pull = largest > cap ? (cap - 1 / regions) / (largest - 1 / regions) : 1;
          v.held = v.held.map((h) => total * (pull * (h / total) + (1 - pull) / regions) * (1 - 1e-12));
        }
        const tranche = vintages.map((v) => v.deploy * v.cash);
        // As fund.ts works it out: cap x (invested so far + tranche) - invested there so far.
        const room = vintages.map((v, i) => v.held.map((h) => Math.max(0, cap * (v.held.reduce((a, b) => a + b, 0) + tranche[i]) - h)));
        const t = createTranches(tranche, vintages.map((v) => v.cash), vintages.map(() => new Array(regions).fill(0)), regions, room);
        for (let round = 0; round < 200 && t.left > 1e-9 && t.anyHeadroom; round++)
          for (let s = 0; s < regions; s++) place(t, s, wants[(round + s) % wants.length]);
        vintages.forEach((v, i) => {
          const held = v.held.map((h, s) => h + t.invested[i * regions + s]);
          const total = held.reduce((a, b) => a + b, 0);
          for (let s = 0; s < regions; s++) expect(t.invested[i * regions + s]).toBeLessThanOrEqual(room[i][s] + 1e-9);
          // The tranche went out in full: no region holds more than the cap's share of all the vintage invested.
          if (t.tranche[i] <= 1e-9) for (const h of held) expect(h).toBeLessThanOrEqual(cap * total + 1e-7 * Math.max(1, total));
        });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The money a fund's open vintages may place this step, and where.
 *
 * Vintage v deploys at most its tranche, and never so much that its cash could
 * no longer meet what it still owes the other regions (re-investment
 * obligations), nor so much that region s would hold more than the region cap
 * allows it this step (`capRoom_vs`, Infinity without a cap; docs/ODD.md 7.4).
 * So what v can place in region s is
 *
 *   max(0, min(tranche_v, cash_v - sum_{r != s} max(0, owed_vr - invested_vr), capRoom_vs - invested_vs))
 *
 * and a region's headroom is the sum over vintages. The fund visits tens of
 * thousands of firms a year, so these terms are cached and only the vintages a
 * placement drew on are worked out again; every number is computed by the same
 * expression, in the same order, as working everything out afresh.
 */
export interface Tranches {
  vintages: number;
  regions: number;
  tranche: Float64Array;
  cash: Float64Array;
  /** [v * regions + r]: obligation of vintage v towards region r. */
  owed: Float64Array;
  /** [v * regions + r]: what vintage v has placed in region r this step. */
  invested: Float64Array;
  /** [v * regions + r]: most vintage v may place in region r this step under the region cap (null: no cap). */
  capRoom: Float64Array | null;
  /** [s * vintages + v]: what vintage v can still place in region s. */
  term: Float64Array;
  /** What each region's firms can still receive from any vintage. */
  headroom: Float64Array;
  /** Tranche money not yet placed, all vintages. */
  left: number;
  /** Whether any region still has headroom (after the last placement). */
  anyHeadroom: boolean;
}

/**
 * `capRoom[v][r]`, when given, bounds what vintage v may place in region r this
 * step (the region cap); without it only the tranche, the cash and the
 * obligations bound a placement.
 */
export function createTranches(tranche: number[], cash: number[], owed: number[][], regions: number, capRoom: number[][] | null = null): Tranches {
  const vintages = tranche.length;
  const t: Tranches = {
    vintages,
    regions,
    tranche: Float64Array.from(tranche),
    cash: Float64Array.from(cash),
    owed: Float64Array.from(owed.flat()),
    invested: new Float64Array(vintages * regions),
    capRoom: capRoom === null ? null : Float64Array.from(capRoom.flat()),
    term: new Float64Array(regions * vintages),
    headroom: new Float64Array(regions),
    left: tranche.reduce((a, b) => a + b, 0),
    anyHeadroom: false,
  };
  for (let v = 0; v < vintages; v++) refreshVintage(t, v);
  t.anyHeadroom = sumHeadroom(t);
  return t;
}

/** What vintage v still owes the regions other than s. */
function owedToOthers(t: Tranches, v: number, s: number): number {
  let others = 0;
  for (let r = 0; r < t.regions; r++) if (r !== s) others += Math.max(0, t.owed[v * t.regions + r] - t.invested[v * t.regions + r]);
  return others;
}

/** What the region cap still lets vintage v place in region s this step (Infinity without a cap). */
function capLeft(t: Tranches, v: number, s: number): number {
  return t.capRoom === null ? Number.POSITIVE_INFINITY : t.capRoom[v * t.regions + s] - t.invested[v * t.regions + s];
}

function refreshVintage(t: Tranches, v: number): void {
  for (let s = 0; s < t.regions; s++)
    t.term[s * t.vintages + v] = Math.max(0, Math.min(t.tranche[v], t.cash[v] - owedToOthers(t, v, s), capLeft(t, v, s)));
}

/** Recomputes each region's headroom; returns whether any region has some left. */
function sumHeadroom(t: Tranches): boolean {
  let any = false;
  for (let s = 0; s < t.regions; s++) {
    let h = 0;
    for (let v = 0; v < t.vintages; v++) h += t.term[s * t.vintages + v];
    t.headroom[s] = h;
    if (h > 1e-12) any = true;
  }
  return any;
}

/**
 * Places up to `want` in a firm of region s, vintage by vintage in order, and
 * returns the amount placed (updating `headroom` and `anyHeadroom`).
 */
export function place(t: Tranches, s: number, want: number): number {
  let placed = 0;
  let touched = false;
  for (let v = 0; v < t.vintages && want > 1e-12; v++) {
    if (!(t.tranche[v] > 0)) continue; // spent: it could place nothing (saves working out its obligations)
    const x = Math.min(want, Math.min(t.tranche[v], t.cash[v] - owedToOthers(t, v, s), capLeft(t, v, s)));
    if (!(x > 0)) continue;
    t.tranche[v] -= x;
    t.cash[v] -= x;
    t.invested[v * t.regions + s] += x;
    t.left -= x;
    want -= x;
    placed += x;
    refreshVintage(t, v);
    touched = true;
  }
  if (touched) t.anyHeadroom = sumHeadroom(t);
  return placed;
}

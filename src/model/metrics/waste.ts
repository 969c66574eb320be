/**
 * Waste (docs/ODD.md 7.15; revision 2 of the design), judged after the fact:
 *
 * - duplicated investment into overcapacity: this year's duplicated expansion
 *   becomes productive next year, so it is judged then: the overlap in sector k
 *   counts when k is in overcapacity (u_k < u*) in the year the capacity comes on
 *   line, and is reported in that year;
 * - wasted expansion: expansion made in a sector that enters overcapacity within
 *   `horizon` years after it was made; reported `horizon` years later, when its
 *   window has closed (the last `horizon` years of a run are never judged).
 *
 * The tracker holds a few numbers per sector, never per firm.
 */
export interface WasteTracker {
  horizon: number;
  /** Last year's duplicated expansion by sector (capacity coming on line now). */
  pendingDuplicated: Float64Array;
  /** Expansion of the last `horizon` years by sector, oldest first, with whether its sector has since been in overcapacity. */
  window: { expansion: Float64Array; wasted: Uint8Array }[];
}

export function createWasteTracker(sectors: number, horizon: number): WasteTracker {
  return { horizon, pendingDuplicated: new Float64Array(sectors), window: [] };
}

export interface WasteJudgement {
  /** Last year's duplicated expansion that came on line into overcapacity now. */
  duplicatedIntoOvercapacity: number;
  /** Expansion made `horizon` years ago, and the part of it whose sector met overcapacity within the window (0 and 0 before the first window closes). */
  judgedExpansion: number;
  wastedExpansion: number;
}

/** This year's judgement, then this year's expansion enters the tracker. */
export function judgeWaste(tracker: WasteTracker, overcapacity: ArrayLike<boolean>, expansionBySector: ArrayLike<number>, duplicatedBySector: ArrayLike<number>): WasteJudgement {
  const K = tracker.pendingDuplicated.length;
  let duplicatedIntoOvercapacity = 0;
  for (let k = 0; k < K; k++) if (overcapacity[k]) duplicatedIntoOvercapacity += tracker.pendingDuplicated[k];
  for (const entry of tracker.window) for (let k = 0; k < K; k++) if (overcapacity[k]) entry.wasted[k] = 1;
  let judgedExpansion = 0;
  let wastedExpansion = 0;
  if (tracker.window.length === tracker.horizon) {
    const oldest = tracker.window.shift()!;
    for (let k = 0; k < K; k++) {
      judgedExpansion += oldest.expansion[k];
      if (oldest.wasted[k]) wastedExpansion += oldest.expansion[k];
    }
  }
  tracker.window.push({ expansion: Float64Array.from(expansionBySector), wasted: new Uint8Array(K) });
  tracker.pendingDuplicated.set(duplicatedBySector);
  return { duplicatedIntoOvercapacity, judgedExpansion, wastedExpansion };
}

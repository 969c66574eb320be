/**
 * Side payments between cooperating governments (`policy.sidePayment`,
 * docs/ODD.md 7.17), booked after production, before the payoffs.
 *
 * The zone's gain from cooperation is measured against a counterfactual run,
 * which a step cannot see. What a step can see is how the cooperating regions
 * share the value added they produce together, against how they shared it in
 * the year before the payments first applied (the reference):
 *
 *   excess_r = VA_r - VA_C * ref_r / sum_{c in C} ref_c     (sum over C is 0)
 *
 * with C the governments cooperating this step. A region above its reference
 * share pays `s * excess_r`; the pot goes to the regions below theirs in
 * proportion to their shortfall. In a year with fewer than two cooperating
 * governments nobody pays. The reference is kept for the rest of the run.
 */
import type { Simulation } from './simulation-state.js';

export function paySidePayments(sim: Simulation, valueAdded: Float64Array): void {
  const { flows, regionCount: R } = sim;
  const s = Math.min(1, Math.max(0, sim.state.params.policy.sidePayment));
  if (!(s > 0)) return;
  const cooperating = sim.state.governments.map((g) => g.strategy === 'cooperate');
  if (cooperating.filter(Boolean).length < 2) return;
  sim.sidePaymentReference ??= Float64Array.from(sim.previous.valueAdded);
  const reference = sim.sidePaymentReference;
  let referenceTotal = 0;
  let produced = 0;
  for (let r = 0; r < R; r++) {
    if (!cooperating[r]) continue;
    referenceTotal += Math.max(0, reference[r]);
    produced += valueAdded[r];
  }
  if (!(referenceTotal > 0)) return;
  const excess = new Float64Array(R);
  let pot = 0;
  let shortfall = 0;
  for (let r = 0; r < R; r++) {
    if (!cooperating[r]) continue;
    excess[r] = valueAdded[r] - (produced * Math.max(0, reference[r])) / referenceTotal;
    if (excess[r] > 0) pot += s * excess[r];
    else shortfall -= excess[r];
  }
  if (!(pot > 0 && shortfall > 0)) return;
  for (let r = 0; r < R; r++) {
    if (!cooperating[r]) continue;
    if (excess[r] > 0) flows.sidePaymentsPaid[r] += s * excess[r];
    else if (excess[r] < 0) flows.sidePaymentsReceived[r] += (pot * -excess[r]) / shortfall;
  }
}

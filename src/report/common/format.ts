/** Numbers as the headline tables show them. */

/** A signed percentage with one decimal (+4.2%); "n/a" when not finite. */
export function formatSignedPercent(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%` : 'n/a';
}

/** Thousands without decimals (1,469), hundreds with one (949.3), smaller with `digits` (0.708); "n/a" when not finite. */
export function formatQuantity(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 100) return x.toFixed(1);
  return x.toFixed(digits);
}

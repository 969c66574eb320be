/** Numbers as the headline tables show them. */

/** Thousands without decimals (1,469), hundreds with one (949.3), smaller with `digits` (0.708); "n/a" when not finite. */
export function formatQuantity(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 100) return x.toFixed(1);
  return x.toFixed(digits);
}

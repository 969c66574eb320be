/**
 * CSV formatting (RFC 4180 quoting). Numbers are written with 12 significant
 * digits so files are stable and compact; non-finite values are left empty.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

export function formatCell(value: string | number): string {
  if (typeof value === 'number') return formatNumber(value);
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: (string | number)[]): string {
  return values.map(formatCell).join(',') + '\n';
}

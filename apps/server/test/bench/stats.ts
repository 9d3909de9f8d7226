import { cpus, loadavg } from 'node:os';

/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** A number for a table: `digits` decimals. */
export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/** The 1-minute load average, for the record: the machine may be shared while a benchmark runs. */
export function loadNote(): string {
  const [one = 0] = loadavg();
  return `load average ${one.toFixed(2)} on ${cpus().length} cores`;
}

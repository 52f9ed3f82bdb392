/** Percentile by nearest rank over a sorted copy; 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** The middle value, or the mean of the two middle values; 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export const latencyOf = (samples: readonly number[]): Latency => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
});

/** Each field the median over repeated runs: the figure reported, because single runs on a shared machine are noisy. */
export function medianOf<T extends Record<string, number>>(runs: readonly T[]): T {
  const first = runs[0];
  if (!first) throw new Error('no runs to take the median of');
  return Object.fromEntries(Object.keys(first).map((key) => [key, median(runs.map((run) => run[key] ?? 0))])) as T;
}

export const mb = (bytes: number) => Math.round(bytes / 1_048_576);
export const ms = (value: number, digits = 1) => value.toFixed(digits);
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const percent = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'n/a');

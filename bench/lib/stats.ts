/** Order statistics over a sample of measurements. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** The spread of repeated rounds: (max - min) / median, as a fraction. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m;
}

/** Median and spread of the rounds of one figure. */
export interface Figure {
  value: number;
  spread: number;
  rounds: number[];
}

export function figure(rounds: number[]): Figure {
  return { value: median(rounds), spread: spread(rounds), rounds };
}

import type { Sample } from './measure.js';

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** What one method's runs add up to. */
export interface Summary {
  readonly runs: number;
  readonly failed: number;
  readonly wall: { readonly median: number; readonly min: number; readonly max: number };
  readonly cpu: { readonly median: number; readonly min: number; readonly max: number };
  /** Largest peak RSS over the runs, MiB. */
  readonly rssMiB: number;
}

export function summarise(samples: readonly Sample[]): Summary {
  const ok = samples.filter((s) => s.exitCode === 0);
  const range = (values: number[]) => ({
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  });
  return {
    runs: samples.length,
    failed: samples.length - ok.length,
    wall: range(ok.map((s) => s.wall)),
    cpu: range(ok.map((s) => s.cpu)),
    rssMiB: Math.max(...samples.map((s) => s.rssMiB).filter(Number.isFinite)),
  };
}

/**
 * Median over rounds of `method / reference` within the same round: the machine's
 * speed drifts (and other processes compete) between rounds, much less within one.
 */
export function pairedRatio(
  method: readonly (Sample | undefined)[],
  reference: readonly (Sample | undefined)[],
  pick: (s: Sample) => number,
): number {
  const ratios: number[] = [];
  for (let i = 0; i < method.length; i++) {
    const a = method[i];
    const b = reference[i];
    if (a && b && a.exitCode === 0 && b.exitCode === 0) ratios.push(pick(a) / pick(b));
  }
  return median(ratios);
}

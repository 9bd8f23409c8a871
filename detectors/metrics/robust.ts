/** Scale that makes the median absolute deviation estimate a standard deviation for normal data. */
export const MAD_SCALE = 1.4826;

/** Median of finite values; NaN for none. Sorts a copy. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median absolute deviation from `center`, scaled to a standard deviation: a
 * spread that a few earlier spikes in the history do not inflate.
 */
export function scaledMad(values: ArrayLike<number>, center: number): number {
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs((values[i] as number) - center);
  return MAD_SCALE * median(deviations);
}

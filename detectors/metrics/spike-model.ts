import type { DenseSeries } from './dense-series.js';
import { median, scaledMad } from './robust.js';
import type { SpikeTuning } from './spike-settings.js';

/** What the baseline was drawn from. */
export type SpikeBasis = 'daily' | 'weekly' | 'trailing' | 'warm-up';

/** One period judged a spike, and by how much. */
export interface SpikeVerdict {
  /** Epoch ms of the period's start. */
  readonly periodStart: number;
  readonly periodSeconds: number;
  readonly observed: number;
  /** The baseline: median of comparable past periods. */
  readonly expected: number;
  /** Robust spread of those periods (scaled MAD), floored by counting noise (√expected). */
  readonly spread: number;
  /** observed / max(expected, 1). */
  readonly ratio: number;
  /** (observed − expected) / spread: robust deviations above the baseline. */
  readonly score: number;
  readonly basis: SpikeBasis;
  /** Past periods the baseline was drawn from. */
  readonly samples: number;
  /** Days of history before this period (from the series' first datapoint). */
  readonly historyDays: number;
}

const DAY_MS = 86_400_000;
/** The trailing baseline samples at most this many periods, evenly spread. */
const MAX_TRAILING_SAMPLE = 1024;
/** Fewer comparable periods than this and a seasonal profile is not trusted. */
const MIN_SAMPLE = 3;

interface Profile {
  readonly basis: SpikeBasis;
  readonly expected: number;
  readonly spread: number;
  readonly samples: number;
}

/**
 * Judges the period at `index`. The baseline is robust (median and MAD of
 * comparable past periods, so earlier spikes barely move it) and seasonal: the
 * same time of day (± `slotMinutes`) over past days and, with two weeks of
 * history, the same time of week; the more forgiving profile is used, so a
 * function's normal Monday-morning or nightly peak is expected. A spike must clear
 * every bar: an absolute rate, an absolute increase, a ratio and a robust score.
 * Before `warmUpDays` of history only `warmUpInvocationsPerMinute` counts.
 */
export function judgePeriod(
  series: DenseSeries,
  index: number,
  tuning: SpikeTuning,
  lookbackDays: number,
): SpikeVerdict | undefined {
  const observed = series.values[index];
  if (observed === undefined || !Number.isFinite(observed)) return undefined;
  const periodSeconds = series.periodMs / 1000;
  const perPeriod = periodSeconds / 60;
  if (observed < tuning.minInvocationsPerMinute * perPeriod) return undefined;
  const historyDays = ((index - series.firstData) * series.periodMs) / DAY_MS;
  const base = {
    periodStart: series.start + index * series.periodMs,
    periodSeconds,
    observed,
    historyDays,
  };

  if (historyDays < tuning.warmUpDays) {
    if (observed < tuning.warmUpInvocationsPerMinute * perPeriod) return undefined;
    const history = trailingSample(series, index, lookbackDays);
    const expected = history.length > 0 ? median(history) : 0;
    return verdict(base, {
      basis: 'warm-up',
      expected,
      spread: noiseFloor(expected),
      samples: history.length,
    });
  }

  const profile = mostForgiving(
    profilesFor(series, index, tuning, lookbackDays, historyDays),
    tuning,
  );
  if (!profile) return undefined;
  const result = verdict(base, profile);
  const increase = observed - profile.expected;
  if (increase < tuning.minIncreasePerMinute * perPeriod) return undefined;
  if (result.ratio < tuning.minRatio || result.score < tuning.minScore) return undefined;
  return result;
}

/** Every period from `from` to `to` (period-start times, inclusive/exclusive) judged; spikes only. */
export function findSpikes(
  series: DenseSeries,
  tuning: SpikeTuning,
  lookbackDays: number,
  range: { readonly from?: number; readonly to?: number } = {},
): SpikeVerdict[] {
  const first =
    range.from === undefined ? 0 : Math.ceil((range.from - series.start) / series.periodMs);
  const last =
    range.to === undefined
      ? series.values.length
      : Math.ceil((range.to - series.start) / series.periodMs);
  const out: SpikeVerdict[] = [];
  for (let i = Math.max(0, first); i < Math.min(series.values.length, last); i++) {
    const found = judgePeriod(series, i, tuning, lookbackDays);
    if (found) out.push(found);
  }
  return out;
}

function profilesFor(
  series: DenseSeries,
  index: number,
  tuning: SpikeTuning,
  lookbackDays: number,
  historyDays: number,
): Profile[] {
  const dayPeriods = Math.round(DAY_MS / series.periodMs);
  const halfWidth = Math.round((tuning.slotMinutes * 60_000) / series.periodMs);
  const days = Math.floor(Math.min(lookbackDays, historyDays));
  const profiles: Profile[] = [];
  if (tuning.seasonality !== 'none' && dayPeriods >= 1) {
    const daily = seasonalSample(series, index, dayPeriods, days, halfWidth);
    if (daily.length >= MIN_SAMPLE) profiles.push(profileOf('daily', daily));
    const weeks = Math.floor(days / 7);
    if (tuning.seasonality === 'auto' && weeks >= 2) {
      const weekly = seasonalSample(series, index, 7 * dayPeriods, weeks, halfWidth);
      if (weekly.length >= MIN_SAMPLE) profiles.push(profileOf('weekly', weekly));
    }
  }
  if (profiles.length === 0) {
    const trailing = trailingSample(series, index, lookbackDays);
    if (trailing.length >= MIN_SAMPLE) profiles.push(profileOf('trailing', trailing));
  }
  return profiles;
}

/** The profile with the highest alert bar (expected + minScore × spread). */
function mostForgiving(profiles: readonly Profile[], tuning: SpikeTuning): Profile | undefined {
  let best: Profile | undefined;
  for (const p of profiles) {
    if (
      !best ||
      p.expected + tuning.minScore * p.spread > best.expected + tuning.minScore * best.spread
    ) {
      best = p;
    }
  }
  return best;
}

/** Known values at `index − k·lag + j` for k = 1..cycles, |j| ≤ halfWidth, inside the history. */
function seasonalSample(
  series: DenseSeries,
  index: number,
  lag: number,
  cycles: number,
  halfWidth: number,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= cycles; k++) {
    const center = index - k * lag;
    for (let j = -halfWidth; j <= halfWidth; j++) {
      const at = center + j;
      if (at < series.firstData || at >= index) continue;
      const value = series.values[at] as number;
      if (Number.isFinite(value)) out.push(value);
    }
  }
  return out;
}

/** Known values of the trailing window before `index`, thinned evenly to a bounded sample. */
function trailingSample(series: DenseSeries, index: number, lookbackDays: number): number[] {
  const from = Math.max(
    series.firstData,
    index - Math.round((lookbackDays * DAY_MS) / series.periodMs),
  );
  const stride = Math.max(1, Math.ceil((index - from) / MAX_TRAILING_SAMPLE));
  const out: number[] = [];
  for (let at = index - 1; at >= from; at -= stride) {
    const value = series.values[at] as number;
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

function profileOf(basis: SpikeBasis, sample: readonly number[]): Profile {
  const expected = median(sample);
  return {
    basis,
    expected,
    spread: Math.max(scaledMad(sample, expected), noiseFloor(expected)),
    samples: sample.length,
  };
}

/** Counts of rare events vary by about √n on their own (Poisson): no spread is taken as smaller. */
function noiseFloor(expected: number): number {
  return Math.sqrt(Math.max(expected, 1));
}

function verdict(
  base: Pick<SpikeVerdict, 'periodStart' | 'periodSeconds' | 'observed' | 'historyDays'>,
  profile: Profile,
): SpikeVerdict {
  return {
    ...base,
    expected: profile.expected,
    spread: profile.spread,
    ratio: base.observed / Math.max(profile.expected, 1),
    score: (base.observed - profile.expected) / profile.spread,
    basis: profile.basis,
    samples: profile.samples,
  };
}

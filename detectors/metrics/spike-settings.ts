import { z } from 'zod';

/**
 * How `lambda-invocation-spike` judges one function. Every rate is per minute, so
 * the same numbers hold whatever the metric period (1 or 5 minutes...).
 */
export interface SpikeTuning {
  /** False: the function is never judged (load tests, our own ingest functions). */
  readonly enabled: boolean;
  /** Below this observed rate nothing alerts: an idle function going from 0 to 3 is not news. */
  readonly minInvocationsPerMinute: number;
  /** The observed rate must exceed the expected one by at least this much. */
  readonly minIncreasePerMinute: number;
  /** Observed over expected (expected taken as at least 1 per period) must reach this. */
  readonly minRatio: number;
  /** Robust deviations (scaled MAD, floored by counting noise) above expected must reach this. */
  readonly minScore: number;
  /** History (from the function's first datapoint) needed before the baseline is trusted. */
  readonly warmUpDays: number;
  /** During warm-up only this absolute rate alerts: a brand-new function hammered from the start. */
  readonly warmUpInvocationsPerMinute: number;
  /** Half-width of the time-of-day slot compared across days and weeks. */
  readonly slotMinutes: number;
  /**
   * `auto`: same time of day over past days, and also same time of week once two
   * weeks of history exist (the more forgiving of the two wins); `daily`: days only;
   * `none`: the whole trailing window, for functions without a rhythm.
   */
  readonly seasonality: 'auto' | 'daily' | 'none';
}

/** Settings as the config gives them: defaults for every function, then per-function overrides. */
export interface LambdaSpikeSettings extends Partial<SpikeTuning> {
  /** Trailing window the baseline is drawn from (and the scheduled detector fetches). */
  readonly lookbackDays?: number;
  /** By function name, or a `prefix*` pattern; the exact name wins, then the longest prefix. */
  readonly functions?: Readonly<Record<string, Partial<SpikeTuning>>>;
}

export const DEFAULT_SPIKE_TUNING: SpikeTuning = {
  enabled: true,
  minInvocationsPerMinute: 10,
  minIncreasePerMinute: 5,
  minRatio: 3,
  minScore: 6,
  warmUpDays: 3,
  warmUpInvocationsPerMinute: 1000,
  slotMinutes: 30,
  seasonality: 'auto',
};

export const DEFAULT_LOOKBACK_DAYS = 14;
/** Longest trailing window: GetMetricData keeps 1-minute data 15 days, 5-minute data 63 days. */
export const MAX_LOOKBACK_DAYS = 60;

const positive = (max: number) => z.number().positive().max(max);

const TuningShape = {
  enabled: z.boolean().optional(),
  minInvocationsPerMinute: z.number().min(0).max(1e9).optional(),
  minIncreasePerMinute: z.number().min(0).max(1e9).optional(),
  minRatio: z.number().min(1).max(1e6).optional(),
  minScore: positive(1e6).optional(),
  warmUpDays: z.number().min(0).max(MAX_LOOKBACK_DAYS).optional(),
  warmUpInvocationsPerMinute: z.number().min(0).max(1e9).optional(),
  slotMinutes: z.number().int().min(0).max(180).optional(),
  seasonality: z.enum(['auto', 'daily', 'none']).optional(),
};

/** A Lambda function name, or a prefix of one followed by `*`. */
const FUNCTION_PATTERN = /^[A-Za-z0-9_-]{1,64}\*?$/;

/** The `lambdaSpikes` settings key; unknown keys are errors, as everywhere in the config. */
export const LambdaSpikeSettingsSchema = z.strictObject({
  ...TuningShape,
  lookbackDays: z.number().int().min(1).max(MAX_LOOKBACK_DAYS).optional(),
  functions: z
    .record(
      z.string().regex(FUNCTION_PATTERN, 'must be a function name or a name prefix ending in *'),
      z.strictObject(TuningShape),
    )
    .optional(),
});

/** The tuning that applies to `functionName`: defaults, then settings, then its override. */
export function tuningFor(
  settings: LambdaSpikeSettings | undefined,
  functionName: string,
): SpikeTuning {
  const { functions, lookbackDays: _lookback, ...common } = settings ?? {};
  const override = functions ? overrideFor(functions, functionName) : undefined;
  return { ...DEFAULT_SPIKE_TUNING, ...defined(common), ...defined(override ?? {}) };
}

/** The trailing window in days, as configured or by default. */
export function lookbackDaysOf(settings: LambdaSpikeSettings | undefined): number {
  return settings?.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
}

function overrideFor(
  functions: Readonly<Record<string, Partial<SpikeTuning>>>,
  name: string,
): Partial<SpikeTuning> | undefined {
  if (Object.hasOwn(functions, name)) return functions[name];
  let best: string | undefined;
  for (const pattern of Object.keys(functions)) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    if (name.startsWith(prefix) && (best === undefined || prefix.length > best.length)) {
      best = prefix;
    }
  }
  return best === undefined ? undefined : functions[`${best}*`];
}

/** Drops keys whose value is undefined, so they do not overwrite a default. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

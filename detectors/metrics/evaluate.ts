import type { MetricSeries } from '../../ingest/metrics/types.js';
import type { DetectorSettings, Finding, Severity } from '../types.js';
import { inferPeriodSeconds, toDense } from './dense-series.js';
import type { MetricScope } from './evidence.js';
import { type MetricDetector, type SpikeContext, spikeFinding } from './lambda-invocation-spike.js';
import { findSpikes, type SpikeVerdict } from './spike-model.js';
import { lookbackDaysOf, tuningFor } from './spike-settings.js';

/** Metrics that count events: a period without a datapoint in a complete series counted none. */
const COUNT_METRICS = new Set(['Invocations', 'Errors', 'Throttles']);

export interface JudgeOptions {
  readonly settings: DetectorSettings;
  /** Used when a series does not carry its period and its timestamps cannot tell. */
  readonly periodSeconds?: number;
  /** Period starts judged: `[from, to)` epoch ms; default every period. */
  readonly range?: { readonly from?: number; readonly to?: number };
  /** End of the window read (exclusive): periods up to it without datapoints counted zero. */
  readonly end?: number;
}

/** Spikes of one function. */
export interface FunctionSpikes {
  readonly functionName: string;
  readonly verdicts: readonly SpikeVerdict[];
}

export interface JudgeResult {
  readonly spikes: readonly FunctionSpikes[];
  /** Functions judged (with or without spikes). */
  readonly judged: readonly string[];
  /** Functions not judged, and why (incomplete data is never "no spike"). */
  readonly skipped: readonly { readonly functionName: string; readonly reason: string }[];
}

/**
 * Runs the spike model on every function's `Invocations` series. Pure: the
 * scheduled detector and `trailwatch metrics-scan` both call it. A series that
 * CloudWatch did not return complete, or whose period cannot be told, is skipped
 * with a reason.
 */
export function judgeLambdaSeries(
  series: readonly MetricSeries[],
  options: JudgeOptions,
): JudgeResult {
  const spikes: FunctionSpikes[] = [];
  const judged: string[] = [];
  const skipped: { functionName: string; reason: string }[] = [];
  const lookbackDays = lookbackDaysOf(options.settings.lambdaSpikes);
  for (const s of series) {
    if (s.metric !== 'Invocations') continue;
    const tuning = tuningFor(options.settings.lambdaSpikes, s.functionName);
    if (!tuning.enabled) {
      skipped.push({ functionName: s.functionName, reason: 'disabled in settings.lambdaSpikes' });
      continue;
    }
    if (!s.complete) {
      skipped.push({
        functionName: s.functionName,
        reason: `CloudWatch returned incomplete data (${s.status ?? 'unknown status'}); not judged`,
      });
      continue;
    }
    const period = s.periodSeconds ?? options.periodSeconds ?? inferPeriodSeconds(s.points);
    if (period === undefined) {
      skipped.push({
        functionName: s.functionName,
        reason:
          s.points.length < 2
            ? 'fewer than two datapoints'
            : 'cannot tell the period from the timestamps (give --period)',
      });
      continue;
    }
    const dense = toDense(s.points, period * 1000, {
      zeroFill: true,
      ...(options.end === undefined ? {} : { end: options.end }),
    });
    if (!dense) {
      skipped.push({ functionName: s.functionName, reason: 'no datapoints, or a window too long' });
      continue;
    }
    judged.push(s.functionName);
    const verdicts = findSpikes(dense, tuning, lookbackDays, options.range);
    if (verdicts.length > 0) spikes.push({ functionName: s.functionName, verdicts });
  }
  return { spikes, judged, skipped };
}

/**
 * Findings for the spikes, each with the function's Errors, Throttles and peak
 * ConcurrentExecutions for the same period when `context` holds them.
 */
export function spikeFindings(
  spikes: readonly FunctionSpikes[],
  context: readonly MetricSeries[],
  scope: MetricScope,
  options: { readonly detector?: MetricDetector; readonly forcedSeverity?: Severity } = {},
): Finding[] {
  const byKey = new Map(context.map((s) => [`${s.functionName} ${s.metric}`, s]));
  const at = (fn: string, metric: string, time: number): number | undefined => {
    const s = byKey.get(`${fn} ${metric}`);
    if (!s) return undefined;
    const point = s.points.find((p) => p.time === time);
    if (point) return point.value;
    return s.complete && COUNT_METRICS.has(metric) ? 0 : undefined;
  };
  const findings: Finding[] = [];
  for (const { functionName, verdicts } of spikes) {
    for (const verdict of verdicts) {
      const errors = at(functionName, 'Errors', verdict.periodStart);
      const throttles = at(functionName, 'Throttles', verdict.periodStart);
      const concurrency = at(functionName, 'ConcurrentExecutions', verdict.periodStart);
      const extra: SpikeContext = {
        ...(errors === undefined ? {} : { errors }),
        ...(throttles === undefined ? {} : { throttles }),
        ...(concurrency === undefined ? {} : { peakConcurrency: concurrency }),
      };
      findings.push(spikeFinding(functionName, verdict, scope, extra, options));
    }
  }
  return findings;
}

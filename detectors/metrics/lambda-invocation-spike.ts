import { findingDetector, type SourceDetectorMeta } from '../helpers/source-detector.js';
import type { Finding, Severity } from '../types.js';
import { consoleGraphUrl } from './console-link.js';
import { functionResource, type MetricScope, metricEvidence } from './evidence.js';
import type { SpikeVerdict } from './spike-model.js';

/** A detector fed by metric series: metadata only, the model does the judging. */
export interface MetricDetector extends SourceDetectorMeta {
  readonly input: 'metrics';
}

/** Ratio from which a spike is high rather than medium. */
export const HIGH_RATIO = 20;

export const lambdaInvocationSpike: MetricDetector = {
  id: 'lambda-invocation-spike',
  input: 'metrics',
  title: 'Lambda function invoked far more often than usual',
  severity: 'medium',
  description:
    'CloudWatch AWS/Lambda Invocations for one function, per period, rose far above its own ' +
    'baseline: the median of the same time of day over the past days (and of the same time of ' +
    'week once two weeks exist), so normal daily and weekly peaks are expected. A spike must ' +
    'clear an absolute rate (idle functions going from 0 to 3 do not alert), an absolute ' +
    `increase, a ratio and a robust score (MAD); high from ${HIGH_RATIO}× the baseline. New ` +
    'functions are judged only on a high absolute rate until they have a few days of history. ' +
    'Often the first sign of a function abused through a public URL, a leaked key or a ' +
    'backdoor (denial of wallet, data pulled through it). Works without Lambda data events; ' +
    'the runbook queries show who invoked or changed the function. Tune per function with ' +
    'settings.lambdaSpikes. Benign causes: launches, load tests, retries after an outage, backfills.',
  attack: ['T1648', 'T1496'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 6 * 3600,
};

/** Other metrics of the same function and period, shown beside the spike. */
export interface SpikeContext {
  readonly errors?: number;
  readonly throttles?: number;
  readonly peakConcurrency?: number;
}

/**
 * The finding for one spike of one function: evidence event, summary with the
 * observed and expected counts, how far above, the basis, context metrics and a
 * console graph link of the day before to an hour after.
 */
export function spikeFinding(
  functionName: string,
  verdict: SpikeVerdict,
  scope: MetricScope,
  context: SpikeContext = {},
  options: { readonly detector?: MetricDetector; readonly forcedSeverity?: Severity } = {},
): Finding {
  const detector = options.detector ?? lambdaInvocationSpike;
  const periodEnd = verdict.periodStart + verdict.periodSeconds * 1000;
  const url = consoleGraphUrl({
    functionName,
    region: scope.region,
    periodSeconds: verdict.periodSeconds,
    from: verdict.periodStart - 86_400_000,
    to: periodEnd + 3_600_000,
  });
  const severity =
    options.forcedSeverity ?? (verdict.ratio >= HIGH_RATIO ? 'high' : detector.severity);
  return {
    detector: findingDetector(detector),
    event: metricEvidence(functionName, verdict, scope, {
      ...context,
      ...(url ? { consoleUrl: url } : {}),
    }),
    summary: summaryOf(functionName, verdict, context, url),
    dedupKey: `${scope.account ?? 'unknown'}|${scope.region ?? 'unknown'}|${functionName}`,
    resources: [functionResource(functionName, scope)],
    severity,
  };
}

function summaryOf(
  functionName: string,
  v: SpikeVerdict,
  context: SpikeContext,
  url: string | undefined,
): string {
  const minutes = v.periodSeconds / 60;
  const when = new Date(v.periodStart).toISOString().replace(':00.000Z', 'Z');
  const extras = [
    context.errors === undefined ? undefined : `errors ${count(context.errors)}`,
    context.throttles === undefined ? undefined : `throttles ${count(context.throttles)}`,
    context.peakConcurrency === undefined
      ? undefined
      : `peak concurrency ${count(context.peakConcurrency)}`,
  ].filter((e) => e !== undefined);
  return [
    `Lambda function ${functionName} was invoked ${count(v.observed)} times in ${minutes} min from ${when}`,
    `; expected about ${count(v.expected)} (${basisText(v)})`,
    `: ${v.ratio.toFixed(1)}× the baseline, ${v.score.toFixed(1)} robust deviations above`,
    extras.length > 0 ? `; ${extras.join(', ')}` : '',
    url ? `. Graph: ${url}` : '',
  ].join('');
}

function basisText(v: SpikeVerdict): string {
  const days = Math.floor(v.historyDays);
  switch (v.basis) {
    case 'daily':
      return `same time of day, past ${Math.min(days, 60)} days`;
    case 'weekly':
      return `same time of week, past ${Math.floor(days / 7)} weeks`;
    case 'trailing':
      return 'past periods, no time-of-day pattern';
    case 'warm-up':
      return `new function, ${v.historyDays.toFixed(1)} days of history`;
  }
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

import { Logger } from '@aws-lambda-powertools/logger';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { applyDetectorOverrides } from '../../alerting/config/overrides.js';
import { SuppressingSink } from '../../alerting/config/suppressing-sink.js';
import type { SnsPublisherOptions } from '../../alerting/publishers/sns.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { createStateStoreFromEnv } from '../../alerting/state-store-from-env.js';
import { judgeLambdaSeries, spikeFindings } from '../../detectors/metrics/evaluate.js';
import type { MetricScope } from '../../detectors/metrics/evidence.js';
import {
  lambdaInvocationSpike,
  type MetricDetector,
} from '../../detectors/metrics/lambda-invocation-spike.js';
import { lookbackDaysOf, tuningFor } from '../../detectors/metrics/spike-settings.js';
import type { DetectorSettings, Severity } from '../../detectors/types.js';
import { fetchMetricSeries } from '../../ingest/metrics/cloudwatch/fetch.js';
import { listLambdaFunctions } from '../../ingest/metrics/cloudwatch/list-functions.js';
import { lambdaQueries } from '../../ingest/metrics/cloudwatch/queries.js';
import type { RetryOptions } from '../../ingest/metrics/cloudwatch/retry.js';
import { closedWindow } from '../../ingest/metrics/cloudwatch/window.js';
import type { MetricSeries } from '../../ingest/metrics/types.js';
import { SPIKE_FINDING_DETECTOR } from './catalog.js';
import { HandlerConfigError, readHandlerConfig } from './config.js';
import { readDeadline } from './deadline.js';
import { AlertDeliveryError } from './deliver.js';
import { createAlertPublisher } from './publisher.js';

/** Some functions could not be judged this run (incomplete CloudWatch data, permissions). */
export class MetricsIncompleteError extends Error {
  override readonly name = 'MetricsIncompleteError';
  constructor(readonly notJudged: readonly { functionName: string; reason: string }[]) {
    super(
      `${notJudged.length} Lambda function(s) not judged for invocation spikes: ${notJudged
        .slice(0, 5)
        .map((n) => `${n.functionName} (${n.reason})`)
        .join('; ')}${notJudged.length > 5 ? '; ...' : ''}`,
    );
  }
}

export interface MetricsDeps {
  readonly cloudwatch: CloudWatchClient;
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Alert state shared across runs (DynamoDB): a spike seen by overlapping runs alerts once. */
  readonly store?: AlertStateStore | undefined;
  readonly publisherOptions?: SnsPublisherOptions;
  /** Tests: a fixed clock and retries without real waiting. */
  readonly now?: () => number;
  readonly retry?: RetryOptions;
}

export interface MetricsRunOutcome {
  /** Functions with recent Invocations data. */
  readonly functions: number;
  readonly judged: number;
  readonly spikes: number;
  readonly published: number;
  /** Epoch ms: the closed periods judged, `[from, to)`. */
  readonly evaluated: { readonly from: number; readonly to: number };
}

/** What the metrics function reads from its environment besides the shared handler config. */
export interface MetricsEnv {
  readonly periodSeconds: number;
  readonly settleSeconds: number;
  readonly evaluateSeconds: number;
  /** Function names or `prefix*` never judged (the pipeline's own functions). */
  readonly exclude: readonly string[];
}

const FUNCTION_PATTERN = /^[A-Za-z0-9_-]{1,64}\*?$/;
const CONTEXT_METRICS = ['Errors', 'Throttles', 'ConcurrentExecutions'];

/**
 * `METRICS_PERIOD_SECONDS` (default 300, a multiple of 60), `METRICS_SETTLE_SECONDS`
 * (default 180: Lambda's latest minutes are still filling in),
 * `METRICS_EVALUATE_SECONDS` (default 900: the last closed periods judged each run;
 * longer than the schedule so runs overlap and a late run misses nothing) and
 * `METRICS_EXCLUDE_FUNCTIONS` (comma-separated names or `prefix*`).
 */
export function readMetricsEnv(env: NodeJS.ProcessEnv): MetricsEnv {
  const number = (name: string, fallback: number, ok: (n: number) => boolean, rule: string) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || !ok(n)) throw new HandlerConfigError(`${name} must be ${rule}`);
    return n;
  };
  const periodSeconds = number(
    'METRICS_PERIOD_SECONDS',
    300,
    (n) => n >= 60 && n <= 3600 && n % 60 === 0,
    'a multiple of 60 between 60 and 3600',
  );
  const exclude = (env.METRICS_EXCLUDE_FUNCTIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = exclude.find((p) => !FUNCTION_PATTERN.test(p));
  if (bad !== undefined) {
    throw new HandlerConfigError(
      `METRICS_EXCLUDE_FUNCTIONS: ${JSON.stringify(bad.slice(0, 100))} is not a function name or prefix*`,
    );
  }
  return {
    periodSeconds,
    settleSeconds: number('METRICS_SETTLE_SECONDS', 180, (n) => n >= 0 && n <= 3600, '0 to 3600'),
    evaluateSeconds: number(
      'METRICS_EVALUATE_SECONDS',
      900,
      (n) => n >= periodSeconds && n <= 86_400,
      `between the period (${periodSeconds}) and 86400`,
    ),
    exclude,
  };
}

/**
 * The scheduled invocation-spike detector (EventBridge Scheduler, every few
 * minutes): list functions with recent Invocations, read their history with
 * GetMetricData up to the last closed period, judge the latest closed periods with
 * the same model as `trailwatch metrics-scan`, add Errors/Throttles/concurrency
 * for the spiking ones, and publish through the shared aggregator (suppressions,
 * dedup, state) to SNS. Functions CloudWatch could not answer for completely are
 * not judged: after publishing the rest, the run fails with
 * {@link MetricsIncompleteError} so the gap shows in the function's error metrics.
 */
export function createMetricsHandler(deps: MetricsDeps) {
  const env = deps.env ?? process.env;
  const config = readHandlerConfig(env);
  const options = readMetricsEnv(env);
  const [tuned] = applyDetectorOverrides([SPIKE_FINDING_DETECTOR], config.overrides);
  const detector: MetricDetector | undefined = tuned && {
    ...lambdaInvocationSpike,
    severity: tuned.severity,
    dedupWindowSeconds: tuned.dedupWindowSeconds,
  };
  const forcedSeverity: Severity | undefined =
    tuned && tuned.severity !== lambdaInvocationSpike.severity ? tuned.severity : undefined;
  const settings = withExclusions(config.settings, options.exclude);
  const publisher = createAlertPublisher(deps.sns, config, deps.publisherOptions);
  const { logger, cloudwatch } = deps;
  const retry = deps.retry;

  return async (_event: unknown, context: Partial<Context> = {}): Promise<MetricsRunOutcome> => {
    const now = deps.now?.() ?? Date.now();
    const deadline = readDeadline(context);
    const lookbackDays = lookbackDaysOf(settings.lambdaSpikes);
    // One day more than the lookback: the earliest period judged still has a full baseline.
    const window = closedWindow(
      now,
      options.periodSeconds,
      options.settleSeconds,
      lookbackDays + 1,
    );
    const evaluated = { from: window.end - options.evaluateSeconds * 1000, to: window.end };
    const scope = scopeOf(env, context);
    const listed = await listLambdaFunctions(cloudwatch, retry ? { retry } : {});
    const names = detector
      ? listed.filter((name) => tuningFor(settings.lambdaSpikes, name).enabled)
      : [];
    const fetched = await fetchMetricSeries(
      cloudwatch,
      lambdaQueries(names, ['Invocations'], options.periodSeconds),
      window,
      { ...(retry ? { retry } : {}), ...(Number.isFinite(deadline) ? { deadline } : {}) },
    );
    for (const warning of fetched.warnings) logger.warn('cloudwatch', { warning });
    const judged = judgeLambdaSeries(fetched.series, {
      settings,
      range: evaluated,
      end: window.end,
    });
    const contextSeries = await spikeContext(judged.spikes, window.end, options.periodSeconds);
    const findings = spikeFindings(judged.spikes, contextSeries, scope, {
      ...(detector ? { detector } : {}),
      ...(forcedSeverity ? { forcedSeverity } : {}),
    });

    const aggregator = new AlertAggregator({
      ...(deps.store ? { store: deps.store } : {}),
      ...(config.runbookBaseUrl ? { runbookBaseUrl: config.runbookBaseUrl } : {}),
    });
    const sink = new SuppressingSink(aggregator, config.suppressions);
    for (const finding of findings) await sink.add(finding);
    const { alerts } = await sink.flush();
    const outcome = await publisher.publish(alerts);
    await aggregator.commit(outcome.published);
    const result: MetricsRunOutcome = {
      functions: listed.length,
      judged: judged.judged.length,
      spikes: findings.length,
      published: outcome.published.length,
      evaluated,
    };
    logger.info('metrics run', { ...result, suppressed: sink.suppressedTotal });
    if (outcome.failed.length > 0) {
      throw new AlertDeliveryError(
        outcome.failed.map((f) => f.id),
        outcome.failed[0]?.reason ?? 'unknown',
      );
    }
    const notJudged = judged.skipped.filter((s) => !s.reason.startsWith('disabled'));
    if (notJudged.length > 0) {
      logger.error('functions not judged', { notJudged });
      throw new MetricsIncompleteError(notJudged);
    }
    return result;
  };

  /** Errors, Throttles and peak concurrency of the spiking functions; missing context never stops an alert. */
  async function spikeContext(
    spikes: readonly { functionName: string; verdicts: readonly { periodStart: number }[] }[],
    end: number,
    periodSeconds: number,
  ): Promise<readonly MetricSeries[]> {
    if (spikes.length === 0) return [];
    const start = Math.min(...spikes.flatMap((s) => s.verdicts.map((v) => v.periodStart)));
    try {
      const fetched = await fetchMetricSeries(
        cloudwatch,
        lambdaQueries(
          spikes.map((s) => s.functionName),
          CONTEXT_METRICS,
          periodSeconds,
        ),
        { start, end },
        { ...(retry ? { retry } : {}), incompleteRetries: 0 },
      );
      return fetched.series;
    } catch (error) {
      logger.warn('spike context unavailable', { error: (error as Error).message });
      return [];
    }
  }
}

/** The function's own account (from its ARN) and region: where the metrics were read. */
function scopeOf(env: NodeJS.ProcessEnv, context: Partial<Context>): MetricScope {
  const account = /^arn:[^:]+:lambda:[^:]+:(\d{12}):/.exec(context.invokedFunctionArn ?? '')?.[1];
  const region = env.AWS_REGION;
  return { ...(account ? { account } : {}), ...(region ? { region } : {}) };
}

/** Settings with the excluded functions disabled (added below any configured override). */
function withExclusions(settings: DetectorSettings, exclude: readonly string[]): DetectorSettings {
  if (exclude.length === 0) return settings;
  const functions = { ...settings.lambdaSpikes?.functions };
  for (const pattern of exclude) functions[pattern] = { ...functions[pattern], enabled: false };
  return { ...settings, lambdaSpikes: { ...settings.lambdaSpikes, functions } };
}

let cached: ReturnType<typeof createMetricsHandler> | undefined;

/** Lambda entry point (EventBridge Scheduler). Clients are built once per container. */
export const handler = async (event: unknown, context: Context): Promise<MetricsRunOutcome> => {
  cached ??= createMetricsHandler({
    // The SDK's standard retries first; ours (jittered, deadline-aware) outlast a throttling burst.
    cloudwatch: new CloudWatchClient({ maxAttempts: 3 }),
    sns: new SNSClient({ maxAttempts: 2 }),
    logger: new Logger({ serviceName: 'trailwatch-metrics' }),
    store: createStateStoreFromEnv(),
  });
  return cached(event, context);
};

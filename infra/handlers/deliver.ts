import { AlertAggregator } from '../../alerting/aggregator.js';
import type { Alert } from '../../alerting/alert.js';
import type { SuppressionMatcher } from '../../alerting/config/suppress.js';
import { SuppressingSink } from '../../alerting/config/suppressing-sink.js';
import { AlertStateStoreError } from '../../alerting/errors.js';
import { fingerprintOf, fingerprintToHex } from '../../alerting/fingerprint.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { withInvestigations } from '../../alerting/investigate.js';
import { type PipelineStats, runPipeline } from '../../alerting/pipeline.js';
import type { AlertPublisher } from '../../alerting/publishers/publisher.js';
import { type EvictionStats, noEvictions } from '../../alerting/state-eviction.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import type { AccessLogEngine } from '../../detectors/access-log/engine.js';
import type { DetectorEngine } from '../../detectors/engine.js';
import type { IngestError } from '../../ingest/errors.js';
import type { IngestItem } from '../../ingest/types.js';

/** Some alerts of a unit of work could not be published: the unit must be delivered again. */
export class AlertDeliveryError extends Error {
  override readonly name = 'AlertDeliveryError';
  constructor(
    readonly failedIds: readonly string[],
    reason: string,
  ) {
    super(`${failedIds.length} alert(s) not published: ${reason}`);
  }
}

export interface DeliverDeps {
  readonly engine: DetectorEngine;
  readonly publisher: AlertPublisher;
  readonly runbookBaseUrl?: string | undefined;
  /**
   * Aggregation state shared across invocations (DynamoDB on AWS), so a redelivered
   * object, the same event via S3 and EventBridge, or a retry after a partial
   * publish alerts once. Default: a fresh in-memory store for this unit only.
   */
  readonly store?: AlertStateStore | undefined;
  /** The config's suppressions: matching findings are counted, never alerted. */
  readonly suppressions?: SuppressionMatcher | undefined;
  /** Detectors for S3 server access-log records (the same S3 path delivers them). */
  readonly accessLogs?: AccessLogEngine | undefined;
  /** Bad objects and records: quarantined (reported), never retried, never blocking the rest. */
  readonly onIngestError: (error: IngestError) => void;
  /**
   * The pipeline's own alerts about this unit's input (a quarantined object),
   * asked for once the input was read. Published with the detectors' alerts, and
   * each at most once per store: its id is marked in the store once published.
   */
  readonly inputAlerts?: (input: PipelineStats) => readonly Alert[];
}

export interface DeliverOutcome {
  readonly input: PipelineStats;
  readonly published: number;
  /** Findings the config's suppressions held back. */
  readonly suppressed: number;
  /** What the invocation's aggregator evicted to stay within its state limits. */
  readonly evicted: EvictionStats;
}

/** Input alerts stay marked this long (wall-clock), longer than any SQS or DLQ retention. */
const INPUT_ALERT_MARK_SECONDS = 30 * 24 * 3600;

/**
 * One unit of Lambda work (an S3 object, an EventBridge event): the shared
 * pipeline, then publish, then commit what was published. Throws
 * {@link AlertDeliveryError} when any alert failed to publish, so the unit is
 * retried (alert ids are deterministic, so a retry republishes the same alerts,
 * and only those that did not go out).
 */
export async function deliver(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  deps: DeliverDeps,
): Promise<DeliverOutcome> {
  const store = deps.store ?? new InMemoryAlertStateStore();
  const aggregator = new AlertAggregator({
    store,
    ...(deps.runbookBaseUrl ? { runbookBaseUrl: deps.runbookBaseUrl } : {}),
  });
  const sink = deps.suppressions ? new SuppressingSink(aggregator, deps.suppressions) : undefined;
  const result = await runPipeline(
    items,
    deps.engine,
    sink ?? aggregator,
    { onIngestError: deps.onIngestError },
    deps.accessLogs ? { accessLogs: deps.accessLogs } : {},
  );
  // On AWS the responder investigates on Athena, over the same trail.
  const alerts = result.alerts.map((a) => withInvestigations(a, { engine: 'athena' }));
  const own = await notYetPublished(store, deps.inputAlerts?.(result.input) ?? []);
  const outcome = await deps.publisher.publish([...alerts, ...own]);
  // Input alerts first: if the commit below fails, the retry must not send them again.
  await markPublished(store, own, outcome.published);
  await aggregator.commit(outcome.published);
  if (outcome.failed.length > 0) {
    throw new AlertDeliveryError(
      outcome.failed.map((f) => f.id),
      outcome.failed[0]?.reason ?? 'unknown',
    );
  }
  return {
    input: result.input,
    published: outcome.published.length,
    suppressed: sink?.suppressedTotal ?? 0,
    evicted: result.stats.evicted ?? noEvictions(),
  };
}

function markOf(alert: Alert): string {
  return fingerprintToHex(fingerprintOf(`input-alert\u0000${alert.id}`));
}

async function notYetPublished(
  store: AlertStateStore,
  alerts: readonly Alert[],
): Promise<readonly Alert[]> {
  if (alerts.length === 0) return alerts;
  let seen: readonly boolean[];
  try {
    seen = await store.seen(alerts.map(markOf));
  } catch (cause) {
    // Fail closed: a store that cannot answer must not make an alert look sent.
    throw new AlertStateStoreError('read input-alert marks', { cause });
  }
  return alerts.filter((_, i) => seen[i] !== true);
}

async function markPublished(
  store: AlertStateStore,
  alerts: readonly Alert[],
  publishedIds: readonly string[],
): Promise<void> {
  const published = new Set(publishedIds);
  const marks = alerts.filter((a) => published.has(a.id)).map(markOf);
  if (marks.length === 0) return;
  try {
    await store.markSeen(marks, Math.floor(Date.now() / 1000) + INPUT_ALERT_MARK_SECONDS);
  } catch (cause) {
    throw new AlertStateStoreError('mark input alerts published', { cause });
  }
}

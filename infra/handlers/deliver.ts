import { AlertAggregator } from '../../alerting/aggregator.js';
import { type PipelineStats, runPipeline } from '../../alerting/pipeline.js';
import type { AlertPublisher } from '../../alerting/publishers/publisher.js';
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
  /** Bad objects and records: quarantined (reported), never retried, never blocking the rest. */
  readonly onIngestError: (error: IngestError) => void;
}

export interface DeliverOutcome {
  readonly input: PipelineStats;
  readonly published: number;
}

/**
 * One unit of Lambda work (an S3 object, an EventBridge event): the shared
 * pipeline, then publish, then commit what was published. Throws
 * {@link AlertDeliveryError} when any alert failed to publish, so the unit is
 * retried (alert ids are deterministic, so a retry republishes the same alerts).
 */
export async function deliver(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  deps: DeliverDeps,
): Promise<DeliverOutcome> {
  const aggregator = new AlertAggregator(
    deps.runbookBaseUrl ? { runbookBaseUrl: deps.runbookBaseUrl } : {},
  );
  const result = await runPipeline(items, deps.engine, aggregator, {
    onIngestError: deps.onIngestError,
  });
  const outcome = await deps.publisher.publish(result.alerts);
  await aggregator.commit(outcome.published);
  if (outcome.failed.length > 0) {
    throw new AlertDeliveryError(
      outcome.failed.map((f) => f.id),
      outcome.failed[0]?.reason ?? 'unknown',
    );
  }
  return { input: result.input, published: outcome.published.length };
}

import { Logger } from '@aws-lambda-powertools/logger';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SnsPublisherOptions } from '../../alerting/publishers/sns.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { createStateStoreFromEnv } from '../../alerting/state-store-from-env.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { fromEventBridge } from '../../ingest/index.js';
import { readHandlerConfig } from './config.js';
import { deliver } from './deliver.js';
import { EVENT_REJECTED_MESSAGE, screenEventOrigins } from './event-origin.js';
import { createAlertPublisher } from './publisher.js';

export interface EventBridgeDeps {
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Aggregation state shared with the S3 path (DynamoDB on AWS), so an event that
   * arrives both ways alerts once. Default: per event, in memory.
   */
  readonly store?: AlertStateStore | undefined;
  /** Overrides for the SNS publisher (tests: no backoff pauses). */
  readonly publisherOptions?: SnsPublisherOptions;
}

/** What one invocation did: alerts published, events refused as possibly forged. */
export interface EventBridgeOutcome {
  readonly published: number;
  readonly rejected: number;
}

/**
 * The fast path: an EventBridge rule delivers "AWS API Call via CloudTrail"
 * events. An event that did not come from an AWS service (its `source` is not
 * `aws.*`, or its envelope account is not the record's recipient account) is
 * refused before the detectors: one "event rejected" log line each, which a metric
 * filter counts and an alarm watches (infra/lib/rejected-events-metric.ts). The rule
 * already matches only `aws.` sources; this holds if the rule is edited or the
 * function is invoked some other way. Accepted events run through the shared
 * pipeline; if an alert cannot be published the invocation fails, so Lambda's async
 * retries and the on-failure destination keep it. A malformed event is logged and
 * dropped without a pipeline alert: EventBridge events are built by AWS, and the
 * same record reaches the S3 path, which quarantines it with an alert.
 */
export function createEventBridgeHandler(deps: EventBridgeDeps) {
  const config = readHandlerConfig(deps.env);
  const engine = new DetectorEngine(config.detectors, { settings: config.settings });
  for (const warning of config.warnings) deps.logger.warn(warning);
  const publisher = createAlertPublisher(deps.sns, config, deps.publisherOptions);
  const { logger } = deps;

  return async (event: unknown): Promise<EventBridgeOutcome> => {
    const screened = screenEventOrigins(event);
    // Warn, not error: the function works as intended; the alarm on the count is the signal.
    for (const rejection of screened.rejected)
      logger.warn(EVENT_REJECTED_MESSAGE, { ...rejection });
    const rejected = screened.rejected.length;
    if (screened.accepted.length === 0) return { published: 0, rejected };
    const id = (event as { id?: unknown } | null)?.id;
    const source = { object: `eventbridge:${typeof id === 'string' ? id : 'event'}` };
    const outcome = await deliver(fromEventBridge(screened.accepted, source), {
      engine,
      publisher,
      store: deps.store,
      runbookBaseUrl: config.runbookBaseUrl,
      suppressions: config.suppressions,
      onIngestError: (error) =>
        logger.error('quarantined event', { object: error.source.object, reason: error.message }),
    });
    logger.info('event processed', {
      object: source.object,
      ...outcome.input,
      published: outcome.published,
      evicted: outcome.evicted,
    });
    return { published: outcome.published, rejected };
  };
}

let cached: ReturnType<typeof createEventBridgeHandler> | undefined;

/** Lambda entry point. Clients and the engine are built once per container. */
export const handler = async (event: unknown): Promise<EventBridgeOutcome> => {
  cached ??= createEventBridgeHandler({
    sns: new SNSClient({ maxAttempts: 2 }),
    logger: new Logger({ serviceName: 'trailwatch-eventbridge' }),
    // The DynamoDB table shared with the S3 function (STATE_TABLE_NAME).
    store: createStateStoreFromEnv(),
  });
  return cached(event);
};

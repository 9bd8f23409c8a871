import { Logger } from '@aws-lambda-powertools/logger';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SnsPublisherOptions } from '../../alerting/publishers/sns.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { createStateStoreFromEnv } from '../../alerting/state-store-from-env.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { fromEventBridge } from '../../ingest/index.js';
import { readHandlerConfig } from './config.js';
import { deliver } from './deliver.js';
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

/**
 * The fast path: an EventBridge rule delivers "AWS API Call via CloudTrail"
 * events. The event runs through the shared pipeline; if an alert cannot be
 * published the invocation fails, so Lambda's async retries and the on-failure
 * destination keep it. A malformed event is logged and dropped without a pipeline
 * alert: EventBridge events are built by AWS, and the same record reaches the S3
 * path, which quarantines it with an alert.
 */
export function createEventBridgeHandler(deps: EventBridgeDeps) {
  const config = readHandlerConfig(deps.env);
  const engine = new DetectorEngine(config.detectors, { settings: config.settings });
  for (const warning of config.warnings) deps.logger.warn(warning);
  const publisher = createAlertPublisher(deps.sns, config, deps.publisherOptions);
  const { logger } = deps;

  return async (event: unknown): Promise<{ published: number }> => {
    const id = (event as { id?: unknown } | null)?.id;
    const source = { object: `eventbridge:${typeof id === 'string' ? id : 'event'}` };
    const outcome = await deliver(fromEventBridge(event, source), {
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
    });
    return { published: outcome.published };
  };
}

let cached: ReturnType<typeof createEventBridgeHandler> | undefined;

/** Lambda entry point. Clients and the engine are built once per container. */
export const handler = async (event: unknown): Promise<{ published: number }> => {
  cached ??= createEventBridgeHandler({
    sns: new SNSClient({ maxAttempts: 2 }),
    logger: new Logger({ serviceName: 'trailwatch-eventbridge' }),
    // The DynamoDB table shared with the S3 function (STATE_TABLE_NAME).
    store: createStateStoreFromEnv(),
  });
  return cached(event);
};

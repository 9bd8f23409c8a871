import { Logger } from '@aws-lambda-powertools/logger';
import { SNSClient } from '@aws-sdk/client-sns';
import { SnsAlertPublisher } from '../../alerting/publishers/sns.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { fromEventBridge } from '../../ingest/index.js';
import { readHandlerConfig } from './config.js';
import { deliver } from './deliver.js';

export interface EventBridgeDeps {
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The fast path: an EventBridge rule delivers "AWS API Call via CloudTrail"
 * events. The event runs through the shared pipeline; if an alert cannot be
 * published the invocation fails, so Lambda's async retries and the on-failure
 * destination keep it.
 */
export function createEventBridgeHandler(deps: EventBridgeDeps) {
  const config = readHandlerConfig(deps.env);
  const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: config.settings });
  const publisher = new SnsAlertPublisher(deps.sns, (severity) => config.topicFor(severity));
  const { logger } = deps;

  return async (event: unknown): Promise<{ published: number }> => {
    const id = (event as { id?: unknown } | null)?.id;
    const source = { object: `eventbridge:${typeof id === 'string' ? id : 'event'}` };
    const outcome = await deliver(fromEventBridge(event, source), {
      engine,
      publisher,
      runbookBaseUrl: config.runbookBaseUrl,
      onIngestError: (error) =>
        logger.error('quarantined event', { object: error.source.object, reason: error.message }),
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
  });
  return cached(event);
};

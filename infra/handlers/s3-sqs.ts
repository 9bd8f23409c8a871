import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { SnsAlertPublisher } from '../../alerting/publishers/sns.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import {
  classifyKey,
  type NotifiedObject,
  parseS3Notification,
  readObject,
} from '../../ingest/index.js';
import { readHandlerConfig } from './config.js';
import { deliver } from './deliver.js';

export interface S3SqsDeps {
  readonly s3: S3Client;
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The S3 path: each SQS message carries an S3 notification of new CloudTrail
 * objects. Every object is fetched, streamed through the shared pipeline and its
 * alerts published. A message fails (and is retried, then dead-lettered) when an
 * object cannot be fetched or an alert cannot be published; bad content is
 * quarantined (logged with object and reason) without blocking the batch.
 */
export function createS3SqsHandler(deps: S3SqsDeps) {
  const config = readHandlerConfig(deps.env);
  const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: config.settings });
  const publisher = new SnsAlertPublisher(deps.sns, (severity) => config.topicFor(severity));
  const processor = new BatchProcessor(EventType.SQS);
  const { logger } = deps;

  async function processObject(object: NotifiedObject): Promise<void> {
    // Digest and Insight files, folder markers: known by their key, not worth a download.
    const skip = classifyKey(object.uri);
    if (skip) {
      logger.info('object skipped', { object: object.uri, reason: skip.reason });
      return;
    }
    const response = await deps.s3.send(
      new GetObjectCommand({
        Bucket: object.bucket,
        Key: object.key,
        ...(object.versionId ? { VersionId: object.versionId } : {}),
      }),
    );
    if (!response.Body) throw new Error(`${object.uri}: GetObject returned no body`);
    const body = response.Body as unknown as AsyncIterable<Uint8Array>;
    let streamFailed: Error | undefined;
    const outcome = await deliver(readObject(object.uri, body), {
      engine,
      publisher,
      runbookBaseUrl: config.runbookBaseUrl,
      onIngestError: (error) => {
        // A body that broke mid-read is transient: retry the message. Bad content is
        // quarantined: retrying would give the same answer.
        if (error.code === 'unreadable') streamFailed = error;
        else
          logger.error('quarantined input', { object: error.source.object, reason: error.message });
      },
    });
    if (streamFailed) throw streamFailed;
    logger.info('object processed', {
      object: object.uri,
      ...outcome.input,
      published: outcome.published,
    });
  }

  async function recordHandler(record: SQSRecord): Promise<void> {
    const results = parseS3Notification(record.body, {
      source: { object: `sqs:${record.messageId}` },
    });
    for (const result of results) {
      if (result.kind === 'skipped') {
        logger.info('notification skipped', { reason: result.reason, detail: result.detail });
      } else if (result.kind === 'error') {
        // A malformed notification never becomes valid: report it, do not retry it forever.
        logger.error('quarantined notification', { reason: result.error.message });
      } else {
        await processObject(result.object);
      }
    }
  }

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, recordHandler, processor, { context });
}

let cached: ReturnType<typeof createS3SqsHandler> | undefined;

/** Lambda entry point. Clients and the engine are built once per container. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  cached ??= createS3SqsHandler({
    s3: new S3Client({}),
    sns: new SNSClient({ maxAttempts: 2 }),
    logger: new Logger({ serviceName: 'trailwatch-s3-ingest' }),
  });
  return cached(event, context);
};

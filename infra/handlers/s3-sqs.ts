import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Alert } from '../../alerting/alert.js';
import { describeError } from '../../alerting/publishers/publisher.js';
import type { SnsPublisherOptions } from '../../alerting/publishers/sns.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { createStateStoreFromEnv } from '../../alerting/state-store-from-env.js';
import { TamperedRecords } from '../../alerting/tampered-records.js';
import { accessLogEngineFor } from '../../detectors/access-log/for-config.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { quoteForMessage } from '../../ingest/describe.js';
import {
  classifyKey,
  IngestError,
  type NotifiedObject,
  parseS3Notification,
  readObject,
} from '../../ingest/index.js';
import { readHandlerConfig } from './config.js';
import { beforeDeadline, readDeadline, untilDeadline } from './deadline.js';
import { deliver } from './deliver.js';
import { readIngestBuckets } from './ingest-buckets.js';
import { createAlertPublisher } from './publisher.js';
import { missingObjectAlert, notificationAlert, QuarantineLedger } from './quarantine.js';

export interface S3SqsDeps {
  readonly s3: S3Client;
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Aggregation state shared across invocations (DynamoDB on AWS). Default: per object, in memory. */
  readonly store?: AlertStateStore | undefined;
  /** Overrides for the SNS publisher (tests: no backoff pauses). */
  readonly publisherOptions?: SnsPublisherOptions;
}

/** GetObject failed for a reason other than a missing object: the message is retried, then dead-lettered. */
export class ObjectFetchError extends Error {
  override readonly name = 'ObjectFetchError';
  constructor(
    readonly object: string,
    options: { cause: unknown },
  ) {
    super(
      `${object}: GetObject failed (${describeError(options.cause)}); the message is retried ` +
        'and goes to the dead-letter queue after maxReceiveCount',
      options,
    );
  }
}

/**
 * The S3 path: each SQS message carries an S3 notification of new CloudTrail
 * objects. Every object is fetched, streamed through the shared pipeline and its
 * alerts published. Per object, one of:
 * - processed: alerts published, then committed;
 * - skipped (digest, Insights, folder marker, test event): logged, acknowledged;
 * - quarantined (bad content, a missing object, an unusable notification, a
 *   notification naming a bucket the stack does not read): the good records are
 *   processed, one log line and one pipeline alert name the object and the reasons,
 *   and the message is acknowledged, since a retry gives the same answer;
 * - retried (GetObject failed, the body broke or stalled past the deadline, an
 *   alert could not be published): the message is reported failed, so SQS
 *   redelivers it and dead-letters it after maxReceiveCount.
 * The other objects of the message, and the other messages, go on regardless.
 * Only the buckets of `TRAILWATCH_INGEST_BUCKETS` are read, each with GetObject's
 * ExpectedBucketOwner, so a message naming another bucket (or a bucket of that name
 * now owned by another account) never makes the function read someone else's data.
 */
export function createS3SqsHandler(deps: S3SqsDeps) {
  const config = readHandlerConfig(deps.env);
  const engine = new DetectorEngine(config.detectors, { settings: config.settings });
  // S3 server access logs reach this function too; the config tunes their detectors.
  const accessLogs = accessLogEngineFor(config.overrides, config.settings);
  const bucketWarnings: string[] = [];
  const buckets = readIngestBuckets(deps.env ?? process.env, bucketWarnings);
  for (const warning of [...config.warnings, ...bucketWarnings]) deps.logger.warn(warning);
  const publisher = createAlertPublisher(deps.sns, config, deps.publisherOptions);
  const processor = new BatchProcessor(EventType.SQS);
  const { logger } = deps;
  const alertOptions = { runbookBaseUrl: config.runbookBaseUrl };
  const shared = {
    engine,
    accessLogs,
    publisher,
    store: deps.store,
    runbookBaseUrl: config.runbookBaseUrl,
    suppressions: config.suppressions,
  };

  /** Publishes the pipeline's own alert (once per store); throws if it cannot, so the message is retried. */
  async function report(alert: Alert): Promise<void> {
    await deliver([], { ...shared, onIngestError: () => undefined, inputAlerts: () => [alert] });
  }

  async function processObject(object: NotifiedObject, deadline: number): Promise<void> {
    // Digest and Insight files, folder markers: known by their key, not worth a download.
    const skip = classifyKey(object.uri);
    if (skip) {
      logger.info('object skipped', { object: object.uri, reason: skip.reason });
      return;
    }
    let body: AsyncIterable<Uint8Array>;
    try {
      body = await fetchBody(object, deadline);
    } catch (error) {
      if (!isNoSuchKey(error)) throw new ObjectFetchError(object.uri, { cause: error });
      logger.error('quarantined object', { object: object.uri, reason: describeError(error) });
      await report(missingObjectAlert(object, describeError(error), alertOptions));
      return;
    }
    const ledger = new QuarantineLedger(object);
    // Records that repeat a JSON key were edited, not damaged: their own alert, not quarantine's.
    const tampered = new TamperedRecords(object.uri);
    let streamFailed: IngestError | undefined;
    const items = readObject(object.uri, untilDeadline(body, deadline, `reading ${object.uri}`), {
      maxDecompressedBytes: config.maxDecompressedBytes,
    });
    const outcome = await deliver(items, {
      ...shared,
      onIngestError: (error) => {
        // A body that broke or stalled mid-read is transient: retry the message.
        // Bad content is quarantined: retrying would give the same answer.
        if (error.code === 'unreadable') streamFailed ??= error;
        else if (!tampered.note(error)) ledger.note(error);
      },
      inputAlerts: (input) => {
        if (streamFailed) return [];
        const alerts: Alert[] = [];
        if (!ledger.empty) {
          logger.error('quarantined object', { object: object.uri, ...ledger.describe() });
          const alert = ledger.alert(input.events, alertOptions);
          if (alert) alerts.push(alert);
        }
        const altered = tampered.alert({
          ...alertOptions,
          identity: object.versionId ?? object.eTag,
          time: object.eventTime,
          region: object.region,
        });
        if (altered) {
          logger.error('tampered object', { object: object.uri, summary: altered.summary });
          alerts.push(altered);
        }
        return alerts;
      },
    });
    if (streamFailed) throw streamFailed;
    // The TrailSilent alarm counts these lines with `events` > 0 (a metric filter on
    // `message` and `events`): keep both names and the message text as they are.
    logger.info('object processed', {
      object: object.uri,
      ...outcome.input,
      published: outcome.published,
      suppressed: outcome.suppressed,
      // Keys the alerting state gave up under a flood of distinct keys (state-eviction.ts).
      evicted: outcome.evicted,
    });
  }

  async function fetchBody(
    object: NotifiedObject,
    deadline: number,
  ): Promise<AsyncIterable<Uint8Array>> {
    const ms = deadline - Date.now();
    const owner = buckets?.get(object.bucket);
    const response = await beforeDeadline(
      deps.s3.send(
        new GetObjectCommand({
          Bucket: object.bucket,
          Key: object.key,
          ...(object.versionId ? { VersionId: object.versionId } : {}),
          ...(owner ? { ExpectedBucketOwner: owner } : {}),
        }),
        Number.isFinite(ms) ? { abortSignal: AbortSignal.timeout(Math.max(1, ms)) } : {},
      ),
      deadline,
      `GetObject ${object.uri}`,
    );
    if (!response.Body) throw new Error('GetObject returned no body');
    return response.Body as unknown as AsyncIterable<Uint8Array>;
  }

  /** One invocation: its deadline, and the objects already handled by an earlier message of the batch. */
  interface Invocation {
    readonly deadline: number;
    readonly seen: Set<string>;
  }

  async function recordHandler(record: SQSRecord, invocation: Invocation): Promise<void> {
    const results = parseS3Notification(record.body, {
      source: { object: `sqs:${record.messageId}` },
    });
    let failure: unknown;
    for (const result of results) {
      if (result.kind === 'skipped') {
        logger.info('notification skipped', { reason: result.reason, detail: result.detail });
      } else if (result.kind === 'error') {
        // A malformed notification never becomes valid: report it once, do not retry it.
        logger.error('quarantined notification', { reason: result.error.message });
        await report(notificationAlert(record.messageId, record.body, result.error, alertOptions));
      } else if (buckets && !buckets.has(result.object.bucket)) {
        // S3 sends this queue notifications of the stack's buckets only (queue policy):
        // another bucket means a message someone else wrote. Never read it; report it
        // once, like any unusable notification, instead of retrying it into the DLQ.
        const bucket = quoteForMessage(result.object.bucket);
        logger.error('notification for a foreign bucket rejected', {
          messageId: record.messageId,
          // Values from the message: JSON fields, cut (an SQS message may be 256 KB).
          bucket: result.object.bucket.slice(0, 256),
          key: result.object.key.slice(0, 1024),
        });
        const error = new IngestError(
          'invalid-notification',
          { object: `sqs:${record.messageId}`, record: result.record },
          `names bucket ${bucket}, which is not a bucket trailwatch reads; it was not fetched`,
        );
        await report(notificationAlert(record.messageId, record.body, error, alertOptions));
      } else {
        // S3 may notify one write twice, even within one batch; the earlier message
        // either handled it or is itself retried, so this one has nothing to add.
        const identity = `${result.object.uri}\n${result.object.versionId ?? result.object.eTag ?? ''}`;
        if (invocation.seen.has(identity)) {
          logger.info('duplicate notification skipped', { object: result.object.uri });
          continue;
        }
        invocation.seen.add(identity);
        try {
          await processObject(result.object, invocation.deadline);
        } catch (error) {
          // The message's other objects still go through now; the retry repeats them
          // harmlessly (their events are counted once, their alerts already sent).
          logger.error('object failed, message will be retried', {
            object: result.object.uri,
            reason: describeError(error),
          });
          failure ??= error;
        }
      }
    }
    if (failure !== undefined) throw failure;
  }

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const invocation: Invocation = { deadline: readDeadline(context), seen: new Set() };
    // One message at a time: two messages of a batch naming the same object (or the
    // same events) then meet in the shared store in order instead of racing past it,
    // and memory holds one object's stream, not a batch of them.
    return processPartialResponse(
      event,
      (record: SQSRecord) => recordHandler(record, invocation),
      processor,
      { context, processInParallel: false },
    );
  };
}

/** S3 is strongly consistent: a missing key will not appear by waiting. */
function isNoSuchKey(error: unknown): boolean {
  const e = error as { name?: unknown; Code?: unknown } | null;
  return e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey';
}

let cached: ReturnType<typeof createS3SqsHandler> | undefined;

/** Lambda entry point. Clients and the engine are built once per container. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  cached ??= createS3SqsHandler({
    s3: new S3Client({}),
    sns: new SNSClient({ maxAttempts: 2 }),
    logger: new Logger({ serviceName: 'trailwatch-s3-ingest' }),
    // The DynamoDB table shared with the EventBridge function (STATE_TABLE_NAME).
    store: createStateStoreFromEnv(),
  });
  return cached(event, context);
};

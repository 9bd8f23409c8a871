import { Readable } from 'node:stream';
import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, type PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import type { Context, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { Alert } from '../../alerting/alert.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { createEventBridgeHandler } from '../../infra/handlers/eventbridge.js';
import { createS3SqsHandler } from '../../infra/handlers/s3-sqs.js';

export const TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
export const CRITICAL_TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-critical';

/** One structured log line, as the handlers wrote it. */
export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error' | 'debug';
  readonly message: string;
  readonly [field: string]: unknown;
}

/** One message SNS accepted. */
export interface Delivery {
  readonly topic: string;
  readonly subject: string;
  readonly message: string;
  readonly alert: Alert;
  /** The plain-text body email subscribers get. */
  readonly email: string;
}

/**
 * Both Lambda handlers over mocked S3 and SNS (aws-sdk-client-mock) and one shared
 * alert state store, as on AWS with DynamoDB: objects are served from `objects` by
 * key (in 64 KiB chunks, like the SDK's stream), every accepted Publish is kept in
 * `deliveries`, every log line in `logs`. `faults` lets a test fail calls first.
 */
export class PipelineHarness {
  readonly objects = new Map<string, Buffer>();
  readonly deliveries: Delivery[] = [];
  readonly logs: LogEntry[] = [];
  readonly fetched: string[] = [];
  readonly s3 = mockClient(S3Client);
  readonly sns = mockClient(SNSClient);
  readonly store: AlertStateStore;
  readonly s3Handler: ReturnType<typeof createS3SqsHandler>;
  readonly eventBridgeHandler: ReturnType<typeof createEventBridgeHandler>;
  /**
   * Called before each Publish is accepted; throw to fail it, or return
   * `'accepted-then-fail'` to deliver it and still answer with an error (an
   * unknown outcome: a 5xx or a timeout after SNS took the message).
   */
  publishFault:
    | ((input: PublishCommandInput, attempt: number) => undefined | 'accepted-then-fail')
    | undefined;
  /** Publish calls made, accepted or not. */
  get publishAttempts(): number {
    return this.publishCalls;
  }
  /** Called before each GetObject is answered; return a promise to delay, throw to fail. */
  getFault: ((key: string, attempt: number) => Promise<void> | void) | undefined;
  /** Replaces the body of an answer (a stream that breaks or stalls); undefined: the object. */
  bodyFault: ((key: string, body: Buffer) => AsyncIterable<Uint8Array> | undefined) | undefined;
  private publishCalls = 0;
  private getAttempts = 0;

  constructor(
    options: { env?: NodeJS.ProcessEnv; store?: AlertStateStore; alertsPerMinute?: number } = {},
  ) {
    this.store = options.store ?? new InMemoryAlertStateStore();
    const env = {
      ALERT_TOPIC_ARN: TOPIC,
      ALERT_TOPIC_ARN_CRITICAL: CRITICAL_TOPIC,
      TRAILWATCH_ALERTS_PER_TOPIC_PER_MINUTE: String(options.alertsPerMinute ?? 1_000_000),
      ...options.env,
    };
    this.s3.on(GetObjectCommand).callsFake(async (input: { Key?: string }) => {
      const key = input.Key ?? '';
      this.fetched.push(key);
      await this.getFault?.(key, ++this.getAttempts);
      const body = this.objects.get(key);
      if (body === undefined) {
        throw Object.assign(new Error('The specified key does not exist.'), {
          name: 'NoSuchKey',
          $metadata: { httpStatusCode: 404 },
        });
      }
      return { Body: (this.bodyFault?.(key, body) ?? chunked(body)) as never };
    });
    this.sns.on(PublishCommand).callsFake(async (input: PublishCommandInput) => {
      const fault = this.publishFault?.(input, ++this.publishCalls);
      this.deliveries.push(deliveryOf(input));
      if (fault === 'accepted-then-fail') {
        throw Object.assign(new Error('socket hang up after the request was sent'), {
          name: 'TimeoutError',
          $metadata: {},
        });
      }
      return { MessageId: `m-${this.deliveries.length}` };
    });
    const logger = captureLogger(this.logs);
    const common = {
      sns: new SNSClient({ maxAttempts: 1 }),
      logger,
      env,
      store: this.store,
      publisherOptions: { sleep: async () => undefined },
    };
    this.s3Handler = createS3SqsHandler({ ...common, s3: new S3Client({ maxAttempts: 1 }) });
    this.eventBridgeHandler = createEventBridgeHandler(common);
  }

  /** Runs one SQS batch; returns the ids of the messages reported failed. */
  async sqs(records: readonly SQSRecord[], context: Partial<Context> = {}): Promise<string[]> {
    try {
      const result = await this.s3Handler({ Records: [...records] }, {
        functionName: 'trailwatch-s3-ingest',
        awsRequestId: 'req',
        ...context,
      } as Context);
      return result.batchItemFailures.map((f) => f.itemIdentifier);
    } catch (error) {
      // Powertools throws when every message failed: Lambda then retries them all.
      if (error instanceof FullBatchFailureError) return records.map((r) => r.messageId);
      throw error;
    }
  }

  /** Undoes the mocks (call in afterAll). */
  restore(): void {
    this.s3.restore();
    this.sns.restore();
  }
}

/** An SQS record as Lambda hands it over. */
export function sqsRecord(messageId: string, body: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1763632800000',
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: '1763632800001',
    },
    messageAttributes: {},
    md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:111122223333:trailwatch-ingest',
    awsRegion: 'us-east-1',
  };
}

function chunked(body: Buffer): Readable {
  const size = 64 * 1024;
  return Readable.from(
    (function* () {
      for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
    })(),
    { objectMode: false },
  );
}

function deliveryOf(input: PublishCommandInput): Delivery {
  const message = input.Message ?? '';
  let alert = {} as Alert;
  let email = '';
  const parsed = JSON.parse(message) as { default?: string; email?: string; id?: string };
  if (typeof parsed.default === 'string') {
    alert = JSON.parse(parsed.default) as Alert;
    email = parsed.email ?? '';
  } else {
    // The minimal fallback: the alert itself, no per-protocol structure.
    alert = parsed as unknown as Alert;
  }
  return { topic: input.TopicArn ?? '', subject: input.Subject ?? '', message, alert, email };
}

function captureLogger(entries: LogEntry[]): Logger {
  const at =
    (level: LogEntry['level']) =>
    (message: string, ...extra: unknown[]) => {
      const fields = Object.assign({}, ...extra.filter((e) => typeof e === 'object' && e !== null));
      entries.push({ level, message, ...fields });
    };
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
  } as unknown as Logger;
}

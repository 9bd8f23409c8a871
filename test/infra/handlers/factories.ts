import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { createS3SqsHandler } from '../../../infra/handlers/s3-sqs.js';
import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { cloudTrailEvent } from '../../helpers/events.js';

export const TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
export const CRITICAL_TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-critical';
export const BUCKET = 'org-trail-logs';
/** The account that owns {@link BUCKET}: what GetObject must name as ExpectedBucketOwner. */
export const BUCKET_OWNER = '111122223333';
/** The environment the stack gives the functions (the ingest function alone reads the buckets). */
export const ENV = {
  ALERT_TOPIC_ARN: TOPIC,
  ALERT_TOPIC_ARN_CRITICAL: CRITICAL_TOPIC,
  TRAILWATCH_INGEST_BUCKETS: `${BUCKET}:${BUCKET_OWNER}`,
};

export const context = { functionName: 'trailwatch-s3-ingest', awsRequestId: 'req-1' } as Context;

/** StopLogging: fires the critical cloudtrail-logging-stopped detector. */
export function stopLogging(): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail' },
  });
}

/**
 * A CloudTrail log object as S3 returns it: gzip'd `{"Records":[...]}` as a Node
 * stream (the SDK's GetObject Body is a Readable in Node).
 */
export function logObjectBody(records: readonly unknown[]): never {
  const bytes = gzipSync(JSON.stringify({ Records: records }));
  return Readable.from([bytes]) as never;
}

export const logKey = (name = 'a') =>
  `AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1000Z_${name}.json.gz`;

/** An S3 event notification as S3 sends it to SQS (keys form-URL-encoded), for `bucket`. */
export function s3Notification(keys: readonly string[], bucket = BUCKET): string {
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-20T10:05:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'trailwatch',
        bucket: {
          name: bucket,
          ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
          arn: `arn:aws:s3:::${bucket}`,
        },
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, '/'),
          size: 1024,
          eTag: 'abc123',
          sequencer: '0A1B2C3D4E5F678901',
        },
      },
    })),
  });
}

export function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
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

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** An EventBridge "AWS API Call via CloudTrail" event carrying a record. */
export function eventBridgeEvent(detail: CloudTrailEvent) {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cloudtrail',
    account: '111122223333',
    time: '2026-11-20T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

/** The Publish inputs for one detector's alerts (an event may fire several detectors). */
export function publishesFor(calls: { args: [{ input: unknown }] }[], detector: string) {
  return calls
    .map((c) => c.args[0].input as import('@aws-sdk/client-sns').PublishCommandInput)
    .filter((input) => input.MessageAttributes?.detector?.StringValue === detector);
}

/** The S3 handler with silent logs and one SNS attempt; mock the clients with aws-sdk-client-mock. */
export function s3SqsHandler(env: NodeJS.ProcessEnv = ENV) {
  return createS3SqsHandler({
    s3: new S3Client({}),
    sns: new SNSClient({ maxAttempts: 1 }),
    logger: new Logger({ logLevel: 'SILENT' }),
    env,
  });
}

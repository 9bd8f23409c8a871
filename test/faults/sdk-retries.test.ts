import type { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createS3SqsHandler } from '../../infra/handlers/s3-sqs.js';
import {
  type CannedResponse,
  OFFLINE,
  ScriptedHttpHandler,
  SNS_PUBLISHED,
  s3Error,
  s3Object,
  snsError,
} from './scripted-http.js';
import { logGz, logKey, notification, sqsRecord, stopLogging } from './support.js';

/**
 * Faults below the SDK's retry middleware (a scripted HTTP handler instead of the
 * network): the clients the handler is given retry throttling and 5xx on their
 * own (standard mode, 3 attempts), and do not retry a 403.
 */

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;
const context = { functionName: 'trailwatch-s3-ingest', awsRequestId: 'r' } as Context;

async function run(s3Script: readonly CannedResponse[], snsScript: readonly CannedResponse[]) {
  const s3Http = new ScriptedHttpHandler(s3Script);
  const snsHttp = new ScriptedHttpHandler(snsScript);
  const handler = createS3SqsHandler({
    s3: new S3Client({ ...OFFLINE, requestHandler: s3Http as never }),
    sns: new SNSClient({ ...OFFLINE, requestHandler: snsHttp as never }),
    logger: silent,
    env: { ALERT_TOPIC_ARN: 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts' },
    publisherOptions: { sleep: async () => undefined, maxAttempts: 1 },
  });
  const key = logKey('sdk-retries');
  const result = await handler({ Records: [sqsRecord('m', notification([key]))] }, context).catch(
    () => ({ batchItemFailures: [{ itemIdentifier: 'm' }] }),
  );
  return { failed: result.batchItemFailures.map((f) => f.itemIdentifier), s3Http, snsHttp };
}

const OBJECT = s3Object(logGz([stopLogging('sdk-retries')]));

describe('Faults below the SDK (HTTP level)', () => {
  it('rides out SNS throttling and a 500 on the SDK retries of one Publish', async () => {
    const { failed, snsHttp } = await run(
      [OBJECT],
      [
        snsError(400, 'Throttling', 'Rate exceeded'),
        snsError(500, 'InternalError', 'oops'),
        SNS_PUBLISHED,
      ],
    );
    expect(failed).toEqual([]);
    // Both alerts got through: one past the throttle, one past the 500 (4 requests).
    expect(snsHttp.requests.length).toBe(4);
  });

  it('rides out S3 SlowDown (503) on the SDK retries of GetObject', async () => {
    const { failed, s3Http } = await run(
      [s3Error(503, 'SlowDown', 'Please reduce your request rate.'), OBJECT],
      [SNS_PUBLISHED],
    );
    expect(failed).toEqual([]);
    expect(s3Http.requests).toHaveLength(2);
  });

  it('does not retry an S3 AccessDenied (403) in the SDK: the message is retried by SQS', async () => {
    const { failed, s3Http, snsHttp } = await run(
      [s3Error(403, 'AccessDenied', 'Access Denied')],
      [SNS_PUBLISHED],
    );
    expect(failed).toEqual(['m']);
    expect(s3Http.requests).toHaveLength(1);
    expect(snsHttp.requests).toHaveLength(0);
  });

  it('gives up after 3 throttled attempts per Publish and fails the message', async () => {
    const { failed, snsHttp } = await run([OBJECT], [snsError(400, 'Throttling', 'Rate exceeded')]);
    expect(failed).toEqual(['m']);
    expect(snsHttp.requests.length).toBe(6);
  });
});

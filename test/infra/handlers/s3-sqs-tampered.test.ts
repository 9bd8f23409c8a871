import 'aws-sdk-client-mock-vitest/extend';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudTrailEvent } from '../../helpers/events.js';
import {
  context,
  logKey,
  publishesFor,
  s3Notification,
  s3SqsHandler,
  sqsEvent,
  sqsRecord,
  stopLogging,
} from './factories.js';

const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);

/** A log object whose second record is a StopLogging made to read as DescribeTrails. */
function hiddenStopLogging(): never {
  const hidden = JSON.stringify(stopLogging()).replace(
    '"eventName":"StopLogging"',
    '"eventName":"StopLogging","eventName":"DescribeTrails"',
  );
  const text = `{"Records":[${JSON.stringify(cloudTrailEvent())},${hidden}]}`;
  return Readable.from([gzipSync(text)]) as never;
}

describe('Handler: S3 notifications via SQS, altered log records', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes one high log-record-tampered alert naming the object, the record and the key', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: hiddenStopLogging() });

    const result = await s3SqsHandler()(
      sqsEvent(sqsRecord('1', s3Notification([logKey('altered')]))),
      context,
    );

    expect(result.batchItemFailures).toEqual([]);
    const [input, ...more] = publishesFor(
      snsMock.commandCalls(PublishCommand),
      'log-record-tampered',
    );
    expect(more).toEqual([]);
    expect(input?.MessageAttributes?.severity?.StringValue).toBe('high');
    const alert = JSON.parse(JSON.parse(input?.Message ?? '{}').default);
    expect(alert).toMatchObject({
      detector: 'log-record-tampered',
      severity: 'high',
      account: '111122223333',
      region: 'us-east-1',
      resources: [`s3://org-trail-logs/${logKey('altered')}`],
      runbook: { id: 'cloudtrail-tampering' },
    });
    expect(alert.summary).toContain('record 1 (eventName)');
    // Not a quarantine: the edit is named for what it is, once.
    expect(
      publishesFor(snsMock.commandCalls(PublishCommand), 'trailwatch-ingest-quarantine'),
    ).toEqual([]);
  });
});

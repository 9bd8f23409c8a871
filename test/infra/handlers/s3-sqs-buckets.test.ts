import 'aws-sdk-client-mock-vitest/extend';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HandlerConfigError } from '../../../infra/handlers/config.js';
import { readIngestBuckets } from '../../../infra/handlers/ingest-buckets.js';
import { QUARANTINE_DETECTOR_ID } from '../../../infra/handlers/quarantine.js';
import { createS3SqsHandler } from '../../../infra/handlers/s3-sqs.js';
import {
  BUCKET,
  BUCKET_OWNER,
  context,
  ENV,
  logKey,
  logObjectBody,
  publishesFor,
  s3Notification,
  s3SqsHandler,
  sqsEvent,
  sqsRecord,
  stopLogging,
} from './factories.js';

const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);
/** A bucket in some other account, named in a message someone wrote to the ingest queue. */
const FOREIGN = 'attacker-controlled-logs';

describe('Handler: S3 notifications name only the buckets trailwatch reads', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody([stopLogging()]) });
  });

  it("reads each object with the bucket owner's account as ExpectedBucketOwner", async () => {
    // Act
    await s3SqsHandler()(sqsEvent(sqsRecord('1', s3Notification([logKey()]))), context);

    // Assess
    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, {
      Bucket: BUCKET,
      Key: logKey(),
      ExpectedBucketOwner: BUCKET_OWNER,
    });
  });

  it('does not fetch an object of another bucket, reports it once and acknowledges the message', async () => {
    // Act
    const result = await s3SqsHandler()(
      sqsEvent(sqsRecord('forged', s3Notification([logKey()], FOREIGN))),
      context,
    );

    // Assess: nothing read, nothing retried, one pipeline alert naming the bucket.
    expect(s3Mock).not.toHaveReceivedCommand(GetObjectCommand);
    expect(result.batchItemFailures).toEqual([]);
    const [alert, ...more] = publishesFor(
      snsMock.commandCalls(PublishCommand),
      QUARANTINE_DETECTOR_ID,
    );
    expect(more).toEqual([]);
    expect(JSON.parse(JSON.parse(alert?.Message ?? '{}').default).summary).toContain(
      `names bucket "${FOREIGN}", which is not a bucket trailwatch reads`,
    );
  });

  it('still reads the own bucket objects of a message that also names a foreign one', async () => {
    // Prepare: two records in one notification, as S3 never sends but a forger may.
    const own = JSON.parse(s3Notification([logKey('own')]));
    const foreign = JSON.parse(s3Notification([logKey('foreign')], FOREIGN));
    const body = JSON.stringify({ Records: [...foreign.Records, ...own.Records] });

    // Act
    const result = await s3SqsHandler()(sqsEvent(sqsRecord('1', body)), context);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(s3Mock).toHaveReceivedCommandTimes(GetObjectCommand, 1);
    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, { Key: logKey('own') });
    expect(
      publishesFor(snsMock.commandCalls(PublishCommand), 'cloudtrail-logging-stopped'),
    ).toHaveLength(1);
  });

  it('does not let a foreign notification hold up the rest of the batch', async () => {
    const result = await s3SqsHandler()(
      sqsEvent(
        sqsRecord('forged', s3Notification([logKey('a')], FOREIGN)),
        sqsRecord('real', s3Notification([logKey('b')])),
      ),
      context,
    );

    expect(result.batchItemFailures).toEqual([]);
    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, { Key: logKey('b') });
  });
});

describe('readIngestBuckets', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads <bucket>:<owner> pairs', () => {
    const buckets = readIngestBuckets(
      { TRAILWATCH_INGEST_BUCKETS: 'org-trail-logs:111122223333, access-logs:444455556666' },
      [],
    );

    expect([...(buckets ?? [])]).toEqual([
      ['org-trail-logs', '111122223333'],
      ['access-logs', '444455556666'],
    ]);
  });

  it.each([
    ['a missing owner', 'org-trail-logs'],
    ['a short account id', 'org-trail-logs:1111'],
    ['an invalid bucket name', 'Org_Trail:111122223333'],
    ['an extra field', 'org-trail-logs:111122223333:x'],
    ['two owners for one bucket', 'logs-a:111122223333,logs-a:444455556666'],
  ])('refuses %s at start-up, naming the variable', (_, value) => {
    expect(() => readIngestBuckets({ TRAILWATCH_INGEST_BUCKETS: value }, [])).toThrow(
      HandlerConfigError,
    );
    expect(() => readIngestBuckets({ TRAILWATCH_INGEST_BUCKETS: value }, [])).toThrow(
      /TRAILWATCH_INGEST_BUCKETS/,
    );
  });

  it('checks nothing when unset (a handler built outside the stack), and warns at start-up', () => {
    // Prepare
    const warn = vi.fn();
    const logger = new Logger({ logLevel: 'SILENT' });
    vi.spyOn(logger, 'warn').mockImplementation(warn);
    const { TRAILWATCH_INGEST_BUCKETS: _, ...env } = ENV;

    // Act
    createS3SqsHandler({ s3: new S3Client({}), sns: new SNSClient({}), logger, env });

    // Assess
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/TRAILWATCH_INGEST_BUCKETS is not set/),
    );
  });
});

import 'aws-sdk-client-mock-vitest/extend';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createS3SqsHandler } from '../../../infra/handlers/s3-sqs.js';
import { cloudTrailEvent } from '../../helpers/events.js';
import {
  BUCKET,
  CRITICAL_TOPIC,
  context,
  logKey,
  logObjectBody,
  publishesFor,
  s3Notification,
  s3SqsHandler,
  sqsEvent,
  sqsRecord,
  stopLogging,
} from './factories.js';

const STOPPED = 'cloudtrail-logging-stopped';
const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);

const handler = () => s3SqsHandler();

describe('Handler: S3 notifications via SQS', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('fetches each notified object and publishes its alerts with severity routing', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand)
      .resolves({ Body: logObjectBody([stopLogging(), cloudTrailEvent()]) });

    // Act
    const result = await handler()(sqsEvent(sqsRecord('1', s3Notification([logKey()]))), context);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: BUCKET, Key: logKey() });
    const [input, ...more] = publishesFor(snsMock.commandCalls(PublishCommand), STOPPED);
    expect(more).toEqual([]);
    expect(input?.TopicArn).toBe(CRITICAL_TOPIC);
    expect(input?.MessageAttributes?.severity?.StringValue).toBe('critical');
    expect(input?.MessageAttributes?.detector?.StringValue).toBe('cloudtrail-logging-stopped');
    const alert = JSON.parse(JSON.parse(input?.Message ?? '{}').default);
    expect(alert.detector).toBe('cloudtrail-logging-stopped');
    expect(alert.runbook.id).toBe('cloudtrail-tampering');
  });

  it('decodes form-URL-encoded keys before GetObject', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody([]) });
    const key = logKey('a+b c');

    await handler()(sqsEvent(sqsRecord('1', s3Notification([key]))), context);

    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, { Key: key });
  });

  it('acknowledges the s3:TestEvent and digest objects without publishing', async () => {
    const testEvent = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-11-20T10:00:00.000Z',
      Bucket: BUCKET,
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    });
    const digestKey =
      'AWSLogs/o-exampleorg1/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261120T100000Z.json.gz';
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody([]) });

    const result = await handler()(
      sqsEvent(sqsRecord('1', testEvent), sqsRecord('2', s3Notification([digestKey]))),
      context,
    );

    expect(result.batchItemFailures).toEqual([]);
    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);
  });

  it('fails only the message whose object cannot be fetched', async () => {
    s3Mock
      .on(GetObjectCommand, { Key: logKey('denied') })
      .rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }))
      .on(GetObjectCommand, { Key: logKey('ok') })
      .resolves({ Body: logObjectBody([stopLogging()]) });

    const result = await handler()(
      sqsEvent(
        sqsRecord('bad', s3Notification([logKey('denied')])),
        sqsRecord('good', s3Notification([logKey('ok')])),
      ),
      context,
    );

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(publishesFor(snsMock.commandCalls(PublishCommand), STOPPED)).toHaveLength(1);
  });

  it('quarantines a missing object with a pipeline alert instead of retrying it', async () => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));

    const result = await handler()(
      sqsEvent(sqsRecord('gone', s3Notification([logKey('gone')]))),
      context,
    );

    expect(result.batchItemFailures).toEqual([]);
    const [input] = publishesFor(
      snsMock.commandCalls(PublishCommand),
      'trailwatch-ingest-quarantine',
    );
    expect(input?.Message).toContain(logKey('gone'));
    expect(input?.Message).toContain('NoSuchKey');
  });

  it('fails the message when an alert cannot be published, so it is retried', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody([stopLogging()]) });
    snsMock
      .on(PublishCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AuthorizationError' }));

    const result = await handler()(
      sqsEvent(
        sqsRecord('1', s3Notification([logKey()])),
        sqsRecord('2', JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' })),
      ),
      context,
    );

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
  });

  it('quarantines a malformed log object without failing the message', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody(['not a record', stopLogging()]) });

    const result = await handler()(sqsEvent(sqsRecord('1', s3Notification([logKey()]))), context);

    expect(result.batchItemFailures).toEqual([]);
    expect(publishesFor(snsMock.commandCalls(PublishCommand), STOPPED)).toHaveLength(1);
  });

  it('refuses to start without a topic', () => {
    expect(() =>
      createS3SqsHandler({
        s3: new S3Client({}),
        sns: new SNSClient({}),
        logger: new Logger({ logLevel: 'SILENT' }),
        env: {},
      }),
    ).toThrow(/ALERT_TOPIC_ARN/);
  });
});

describe('Handler: S3 notifications via SQS, object handling', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('does not download digest files', async () => {
    const digestKey =
      'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261120T100000Z.json.gz';

    await handler()(sqsEvent(sqsRecord('1', s3Notification([digestKey]))), context);

    expect(s3Mock).not.toHaveReceivedCommand(GetObjectCommand);
  });

  it('retries a message whose object body breaks mid-stream', async () => {
    async function* broken() {
      yield new Uint8Array([0x1f, 0x8b]);
      throw new Error('socket hang up');
    }
    s3Mock
      .on(GetObjectCommand, { Key: logKey('broken') })
      .resolves({ Body: broken() as never })
      .on(GetObjectCommand, { Key: logKey('ok') })
      .resolves({ Body: logObjectBody([]) });

    const result = await handler()(
      sqsEvent(
        sqsRecord('1', s3Notification([logKey('broken')])),
        sqsRecord('2', s3Notification([logKey('ok')])),
      ),
      context,
    );

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
  });
});

import { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accessLogLine } from '../../fixtures/access-logs/lines.js';
import { identities } from '../../helpers/events.js';
import {
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

const STOPPED = 'cloudtrail-logging-stopped';
const ANONYMOUS = 's3-anonymous-access-succeeded';
/** A server access-log object as S3 delivers it (partitioned key, plain text). */
const ACCESS_LOG_KEY =
  's3/111122223333/eu-west-1/amzn-s3-demo-bucket1/2024/05/14/2024-05-14-09-05-12-0A1B2C3D4E5F6789';
const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);

const handler = (config: string) => s3SqsHandler({ ...ENV, TRAILWATCH_CONFIG: config });

const published = (detector: string) =>
  publishesFor(snsMock.commandCalls(PublishCommand), detector).map(
    (input) => JSON.parse(JSON.parse(input.Message ?? '{}').default) as { severity: string },
  );

describe('Handler: S3 notifications via SQS, tuned by TRAILWATCH_CONFIG', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('runs no detector the config disables', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: logObjectBody([stopLogging()]) });

    await handler(`detectors:\n  ${STOPPED}: { enabled: false }\n`)(
      sqsEvent(sqsRecord('1', s3Notification([logKey()]))),
      context,
    );

    expect(published(STOPPED)).toEqual([]);
  });

  it('holds back findings a suppression matches and alerts on the rest', async () => {
    // Prepare: the same call by the deploy role (suppressed) and by a person (not).
    const byCi = { ...stopLogging(), userIdentity: identities.assumedRole('ci-deployer', 'run-1') };
    const byPerson = {
      ...stopLogging(),
      eventID: 'other',
      userIdentity: identities.iamUser('mallory'),
    };
    s3Mock
      .on(GetObjectCommand, { Key: logKey('ci') })
      .resolves({ Body: logObjectBody([byCi]) })
      .on(GetObjectCommand, { Key: logKey('person') })
      .resolves({ Body: logObjectBody([byPerson]) });
    const config = [
      'suppressions:',
      '  - id: ci-restarts-trail',
      '    reason: CI restarts the trail on deploys',
      "    principals: ['arn:aws:iam::111122223333:role/ci-*']",
    ].join('\n');

    // Act
    await handler(config)(
      sqsEvent(
        sqsRecord('1', s3Notification([logKey('ci')])),
        sqsRecord('2', s3Notification([logKey('person')])),
      ),
      context,
    );

    // Assess
    const alerts = publishesFor(snsMock.commandCalls(PublishCommand), STOPPED);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.Message).toContain('mallory');
    expect(alerts[0]?.Message).not.toContain('ci-deployer');
  });

  it('applies overrides to the access-log detectors', async () => {
    // Prepare: an anonymous read the access-log detector reports as high.
    const line = accessLogLine({ requester: '-', ip: '203.0.113.50' });
    s3Mock
      .on(GetObjectCommand)
      .callsFake(() => ({ Body: Readable.from([Buffer.from(`${line}\n`)]) }));
    const event = sqsEvent(sqsRecord('1', s3Notification([ACCESS_LOG_KEY])));

    // Act
    await handler('')(event, context);
    const untuned = published(ANONYMOUS);
    snsMock.resetHistory();
    await handler(`detectors:\n  ${ANONYMOUS}: { severity: critical }\n`)(event, context);

    // Assess
    expect(untuned.map((a) => a.severity)).toEqual(['high']);
    expect(published(ANONYMOUS).map((a) => a.severity)).toEqual(['critical']);
  });
});

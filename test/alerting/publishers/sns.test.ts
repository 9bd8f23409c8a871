import {
  AuthorizationErrorException,
  InternalErrorException,
  InvalidParameterException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../alerting/alert.js';
import { SnsAlertPublisher } from '../../../alerting/publishers/sns.js';
import { alertFixture } from '../fixtures.js';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
const PAGING = 'arn:aws:sns:us-east-1:111122223333:trailwatch-paging';

const snsMock = mockClient(SNSClient);
const noWait = { sleep: async () => {}, random: () => 0.5 };

const throttled = () =>
  new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
const invalidSubject = () =>
  new InvalidParameterException({
    message: 'Invalid parameter: Subject',
    $metadata: { httpStatusCode: 400 },
  });

function publisher(options = {}) {
  return new SnsAlertPublisher(new SNSClient({}), TOPIC, { ...noWait, ...options });
}

describe('SnsAlertPublisher', () => {
  beforeEach(() => {
    snsMock.reset();
  });

  it('publishes one PublishCommand per alert with structure, subject and attributes', async () => {
    // Prepare
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const alerts = [alertFixture(), alertFixture({ id: 'b'.repeat(64), severity: 'low' })];

    // Act
    const result = await publisher().publish(alerts);

    // Assess
    expect(result).toEqual({ published: alerts.map((a) => a.id), failed: [] });
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 2);
    expect(snsMock).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      MessageStructure: 'json',
      Subject: '[HIGH] Test: bucket policy changed - 111122223333',
      MessageAttributes: {
        severity: { DataType: 'String', StringValue: 'high' },
        detector: { DataType: 'String', StringValue: 'test-bucket-policy-changed' },
      },
    });
    const sent = snsMock.commandCalls(PublishCommand)[0]?.args[0].input;
    const body = JSON.parse(JSON.parse(sent?.Message ?? '{}').default) as Alert;
    expect(body.id).toBe(alerts[0]?.id);
  });

  it('routes by severity through a function', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const route = (severity: string) => (severity === 'critical' ? PAGING : TOPIC);
    const sns = new SnsAlertPublisher(new SNSClient({}), route, noWait);

    await sns.publish([alertFixture({ severity: 'critical' }), alertFixture({ id: 'low' })]);

    expect(snsMock).toHaveReceivedNthCommandWith(PublishCommand, 1, { TopicArn: PAGING });
    expect(snsMock).toHaveReceivedNthCommandWith(PublishCommand, 2, { TopicArn: TOPIC });
  });

  it('retries throttling and publishes once it passes', async () => {
    snsMock
      .on(PublishCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ MessageId: 'm-1' });
    const alert = alertFixture();

    const result = await publisher().publish([alert]);

    expect(result.published).toEqual([alert.id]);
    expect(result.failed).toEqual([]);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 3);
  });

  it('retries a 5xx', async () => {
    const serverError = new InternalErrorException({
      message: 'internal',
      $metadata: { httpStatusCode: 500 },
    });
    snsMock.on(PublishCommand).rejectsOnce(serverError).resolves({ MessageId: 'm-1' });

    const result = await publisher().publish([alertFixture()]);

    expect(result.published).toHaveLength(1);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('reports the alert failed when throttling outlasts the attempts', async () => {
    snsMock.on(PublishCommand).rejects(throttled());
    const alert = alertFixture();

    const result = await publisher({ maxAttempts: 3 }).publish([alert]);

    expect(result.published).toEqual([]);
    expect(result.failed).toEqual([
      {
        id: alert.id,
        reason: 'ThrottledException: Rate exceeded (after 3 attempts)',
        error: expect.any(ThrottledException),
      },
    ]);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 3);
  });

  it('backs off with growing, capped, jittered pauses', async () => {
    snsMock.on(PublishCommand).rejects(throttled());
    const pauses: number[] = [];
    const sns = publisher({
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 500,
      random: () => 0.99,
      sleep: async (ms: number) => {
        pauses.push(ms);
      },
    });

    await sns.publish([alertFixture()]);

    expect(pauses).toEqual([99, 198, 396, 495]);
  });

  it('falls back once to the minimal message on InvalidParameter', async () => {
    // Prepare
    snsMock.on(PublishCommand).rejectsOnce(invalidSubject()).resolves({ MessageId: 'm-2' });
    const alert = alertFixture();

    // Act
    const result = await publisher().publish([alert]);

    // Assess
    expect(result.published).toEqual([alert.id]);
    expect(result.degraded?.[0]?.reason).toMatch(/^sent as the minimal fallback after Invalid/);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 2);
    const fallback = snsMock.commandCalls(PublishCommand)[1]?.args[0].input;
    expect(fallback?.Subject).toBe('trailwatch high alert');
    expect(fallback?.MessageStructure).toBeUndefined();
    expect(JSON.parse(fallback?.Message ?? '{}')).toMatchObject({ id: alert.id, truncated: true });
  });

  it('reports failed, not acked, when the fallback is rejected too', async () => {
    snsMock.on(PublishCommand).rejects(invalidSubject());
    const alert = alertFixture();

    const result = await publisher().publish([alert]);

    expect(result.published).toEqual([]);
    expect(result.failed[0]?.reason).toMatch(/the minimal fallback failed too/);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('does not retry configuration errors such as AuthorizationError', async () => {
    snsMock.on(PublishCommand).rejects(
      new AuthorizationErrorException({
        message: 'not authorized to perform SNS:Publish',
        $metadata: { httpStatusCode: 403 },
      }),
    );

    const result = await publisher().publish([alertFixture()]);

    expect(result.failed[0]?.reason).toMatch(/^AuthorizationErrorException/);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('fails an alert no topic is routed to, and still publishes the others', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const sns = new SnsAlertPublisher(
      new SNSClient({}),
      (severity) => (severity === 'info' ? undefined : TOPIC),
      noWait,
    );
    const info = alertFixture({ id: 'info-alert', severity: 'info' });
    const high = alertFixture();

    const result = await sns.publish([info, high]);

    expect(result.published).toEqual([high.id]);
    expect(result.failed).toEqual([
      { id: 'info-alert', reason: 'no SNS topic for severity info', error: undefined },
    ]);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('accounts for every alert when some fail and some pass', async () => {
    snsMock
      .on(PublishCommand, { Subject: '[LOW] Test: bucket policy changed - 111122223333' })
      .rejects(new Error('socket hang up'))
      .on(PublishCommand, { Subject: '[HIGH] Test: bucket policy changed - 111122223333' })
      .resolves({ MessageId: 'ok' });
    const alerts = Array.from({ length: 6 }, (_, i) =>
      alertFixture({ id: `alert-${i}`, severity: i % 2 ? 'low' : 'high' }),
    );

    const result = await publisher().publish(alerts);

    expect([...result.published, ...result.failed.map((f) => f.id)].sort()).toEqual(
      alerts.map((a) => a.id).sort(),
    );
    expect(result.failed).toHaveLength(3);
  });
});

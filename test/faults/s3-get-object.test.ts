import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  awsError,
  deliveriesFor,
  duplicates,
  logGz,
  logKey,
  notification,
  PipelineHarness,
  QUARANTINE,
  STOPPED,
  sqsRecord,
  stopLogging,
} from './support.js';

/**
 * S3 GetObject faults, injected with aws-sdk-client-mock: a missing object is
 * quarantined with an alert (waiting cannot bring it back), everything else is
 * retried through SQS, and nothing is alerted twice once the fault clears.
 */

const harness = new PipelineHarness();
const never = () => new Promise<never>(() => undefined);

function object(name: string, user = name): string {
  const key = logKey(name);
  harness.objects.set(key, logGz([stopLogging(user)]));
  return key;
}

describe('Faults: S3 GetObject', () => {
  beforeEach(() => {
    harness.getFault = undefined;
    harness.bodyFault = undefined;
  });
  afterAll(() => harness.restore());

  it('quarantines NoSuchKey with one high alert naming the object, once across redeliveries', async () => {
    // Prepare: the notification names an object that is gone.
    const key = logKey('deleted-before-read');
    const message = sqsRecord('gone', notification([key]));

    // Act
    const first = await harness.sqs([message]);
    const again = await harness.sqs([message]);

    // Assess
    expect([first, again]).toEqual([[], []]);
    const alerts = harness.deliveries.filter(
      (d) => d.alert.detector === QUARANTINE && d.alert.resources[0]?.endsWith(key),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.alert.severity).toBe('high');
    expect(alerts[0]?.alert.summary).toContain('NoSuchKey');
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        message: 'quarantined object',
        object: `s3://org-trail-logs/${key}`,
      }),
    );
  });

  it.each([
    ['AccessDenied (bucket policy, KMS decrypt)', awsError('AccessDenied', 403, 'Access Denied')],
    [
      'SlowDown after the SDK retries',
      awsError('SlowDown', 503, 'Please reduce your request rate.'),
    ],
    ['InternalError', awsError('InternalError', 500)],
    ['a connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])(
    'retries the message on %s, keeps the rest of the batch, and alerts once when it clears',
    async (_name, error) => {
      // Prepare
      const user = `s3-fault-${harness.deliveries.length}`;
      const failing = object(`${user}-a`, user);
      const healthy = object(`${user}-b`, `${user}-other`);
      harness.getFault = (key) => {
        if (key === failing) throw error;
      };
      const batch = [
        sqsRecord(`${user}-1`, notification([failing])),
        sqsRecord(`${user}-2`, notification([healthy])),
      ];

      // Act: the fault, then SQS redelivers the failed message after it cleared.
      const failed = await harness.sqs(batch);
      harness.getFault = undefined;
      const retried = await harness.sqs([batch[0] as (typeof batch)[0]]);

      // Assess
      expect(failed).toEqual([`${user}-1`]);
      expect(retried).toEqual([]);
      expect(deliveriesFor(harness, user)).toHaveLength(1);
      expect(
        deliveriesFor(harness, `${user}-other`).filter((d) => d.alert.detector === STOPPED),
      ).toHaveLength(1);
      const log = harness.logs.find(
        (l) =>
          l.message === 'object failed, message will be retried' &&
          l.object === `s3://org-trail-logs/${failing}`,
      );
      expect(log?.reason).toContain('GetObject failed');
    },
  );

  it('fails a GetObject that hangs past the deadline, not the whole invocation', async () => {
    // Prepare: the first object answers, the second never does; 1 s left in the invocation.
    const done = object('slow-ok');
    const slow = object('slow-hang');
    harness.getFault = (key) => (key === slow ? never() : undefined);

    // Act: without the deadline this never settles and the test times out.
    const failed = await harness.sqs(
      [sqsRecord('slow-1', notification([done])), sqsRecord('slow-2', notification([slow]))],
      { getRemainingTimeInMillis: () => 1000 },
    );

    // Assess: 1 s less a quarter kept for publishing.
    expect(failed).toEqual(['slow-2']);
    expect(deliveriesFor(harness, 'slow-ok')).toHaveLength(1);
  });

  it('fails an object whose body stalls mid-stream and reads it whole on redelivery', async () => {
    // Prepare: the body sends its first 100 bytes, then stalls.
    const key = object('stalled-body');
    const body = harness.objects.get(key) as Buffer;
    const stalled = async function* () {
      yield body.subarray(0, 100);
      await never();
    };
    harness.bodyFault = (k) => {
      harness.bodyFault = undefined;
      return k === key ? stalled() : undefined;
    };

    // Act
    const failed = await harness.sqs([sqsRecord('stall', notification([key]))], {
      getRemainingTimeInMillis: () => 400,
    });
    const retried = await harness.sqs([sqsRecord('stall', notification([key]))]);

    // Assess
    expect(failed).toEqual(['stall']);
    expect(retried).toEqual([]);
    expect(deliveriesFor(harness, 'stalled-body')).toHaveLength(1);
  });

  it('retries only the failed object of a two-object notification (B6), alerting each once', async () => {
    // Prepare
    const ok = object('b6-ok');
    const flaky = object('b6-flaky');
    harness.getFault = (key) => {
      if (key === flaky) throw awsError('SlowDown', 503);
    };
    const message = sqsRecord('b6', notification([ok, flaky]));

    // Act
    const failed = await harness.sqs([message]);
    harness.getFault = undefined;
    const retried = await harness.sqs([message]);

    // Assess: the healthy object went through on the first try and is not re-alerted.
    expect(failed).toEqual(['b6']);
    expect(retried).toEqual([]);
    expect(deliveriesFor(harness, 'b6-ok')).toHaveLength(1);
    expect(deliveriesFor(harness, 'b6-flaky')).toHaveLength(1);
    expect(duplicates(harness.deliveries)).toBe(0);
  });
});

import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AlertDeliveryError } from '../../infra/handlers/deliver.js';
import {
  awsError,
  deliveriesById,
  deliveriesFor,
  duplicates,
  logGz,
  logKey,
  notification,
  PipelineHarness,
  STOPPED,
  sqsRecord,
  stopLogging,
} from './support.js';

/**
 * SNS Publish faults, injected with aws-sdk-client-mock. Transient ones are retried
 * by the publisher (3 attempts, backoff) and then by SQS; permanent ones fail the
 * message at once; an invalid message goes out in its minimal form. An alert is
 * committed only once SNS accepted it, so none is lost and a retry re-sends only
 * what did not go out.
 */

const CONFIG_CHANGED = 'cloudtrail-config-changed';
const harness = new PipelineHarness();
let n = 0;

/** A fresh StopLogging object and its SQS message. */
function stop(user: string) {
  const key = logKey(`sns-${user}`);
  harness.objects.set(key, logGz([stopLogging(user)]));
  return sqsRecord(`msg-${user}-${++n}`, notification([key]));
}

function attemptsOf(detector: string, user: string, from: number): number {
  return harness.deliveries
    .slice(from)
    .filter((d) => d.alert.detector === detector && d.alert.principal.endsWith(`/${user}`)).length;
}

describe('Faults: SNS Publish', () => {
  beforeEach(() => {
    harness.publishFault = undefined;
  });
  afterAll(() => harness.restore());

  it.each([
    ['ThrottlingException', awsError('Throttling', 400, 'Rate exceeded')],
    ['a 500', awsError('InternalErrorException', 500)],
    ['a timeout', awsError('TimeoutError', 0, 'socket timed out')],
  ])('rides out %s on the publisher retries within the invocation', async (name, error) => {
    // Prepare: the first two attempts of every publish fail.
    const user = `transient-${name.replace(/\W/g, '')}`;
    const tries = new Map<string, number>();
    harness.publishFault = (input) => {
      const t = (tries.get(input.Message ?? '') ?? 0) + 1;
      tries.set(input.Message ?? '', t);
      if (t <= 2) throw error;
      return undefined;
    };

    // Act
    const failed = await harness.sqs([stop(user)]);

    // Assess
    expect(failed).toEqual([]);
    expect(deliveriesFor(harness, user)).toHaveLength(1);
    expect(Math.max(...tries.values())).toBe(3);
  });

  it('fails the message when throttling outlasts the retries, and publishes once on redelivery', async () => {
    // Prepare
    const message = stop('throttled-long');
    const before = harness.publishAttempts;
    harness.publishFault = () => {
      throw awsError('Throttling', 400, 'Rate exceeded');
    };

    // Act
    const failed = await harness.sqs([message]);
    const attempts = harness.publishAttempts - before;
    harness.publishFault = undefined;
    const retried = await harness.sqs([message]);

    // Assess: 2 alerts x 3 attempts, nothing acknowledged, then exactly one of each.
    expect(failed).toEqual([message.messageId]);
    expect(attempts).toBe(6);
    expect(retried).toEqual([]);
    expect(deliveriesFor(harness, 'throttled-long')).toHaveLength(1);
    expect(deliveriesFor(harness, 'throttled-long', CONFIG_CHANGED)).toHaveLength(1);
  });

  it.each([
    ['AuthorizationError', awsError('AuthorizationError', 403, 'not authorized')],
    ['KMS.AccessDeniedException', awsError('KMS.AccessDeniedException', 400, 'KMS denied')],
    ['NotFound (topic deleted)', awsError('NotFound', 404, 'Topic does not exist')],
  ])(
    'does not retry %s within the invocation, fails the message, and never acknowledges the alert',
    async (_name, error) => {
      // Prepare
      const user = `permanent-${n}`;
      const message = stop(user);
      const before = harness.publishAttempts;
      harness.publishFault = () => {
        throw error;
      };

      // Act
      const failed = await harness.sqs([message]);
      const attempts = harness.publishAttempts - before;
      harness.publishFault = undefined;
      await harness.sqs([message]);

      // Assess
      expect(failed).toEqual([message.messageId]);
      expect(attempts).toBe(2);
      expect(deliveriesFor(harness, user)).toHaveLength(1);
      expect(
        harness.logs.some(
          (l) =>
            l.message === 'object failed, message will be retried' &&
            String(l.reason).includes(error.message),
        ),
      ).toBe(true);
    },
  );

  it('re-sends only the alert that failed after a partial publish (Lambda retry)', async () => {
    // Prepare: StopLogging raises two alerts; only the config-change one fails, once.
    const user = 'partial-publish';
    const message = stop(user);
    let failedOnce = false;
    harness.publishFault = (input) => {
      if (!failedOnce && input.MessageAttributes?.detector?.StringValue === CONFIG_CHANGED) {
        failedOnce = true;
        throw awsError('AuthorizationError', 403);
      }
      return undefined;
    };
    const from = harness.deliveries.length;

    // Act
    const failed = await harness.sqs([message]);
    const retried = await harness.sqs([message]);

    // Assess
    expect([failed, retried]).toEqual([[message.messageId], []]);
    expect(attemptsOf(STOPPED, user, from)).toBe(1);
    expect(attemptsOf(CONFIG_CHANGED, user, from)).toBe(1);
    expect(duplicates(harness.deliveries.slice(from))).toBe(0);
  });

  it('sends the minimal fallback when SNS rejects the message as invalid (G3)', async () => {
    // Prepare
    const user = 'invalid-subject';
    harness.publishFault = (input) => {
      if (input.MessageStructure === 'json')
        throw awsError('InvalidParameter', 400, 'Invalid parameter: Subject');
      return undefined;
    };

    // Act
    const failed = await harness.sqs([stop(user)]);

    // Assess
    expect(failed).toEqual([]);
    const [delivery] = deliveriesFor(harness, user);
    expect(delivery?.subject).toBe('trailwatch critical alert');
    expect(delivery?.alert.truncated).toBe(true);
    expect(delivery?.alert.count).toBe(1);
  });

  it('re-sends after an unknown outcome (accepted, then a timeout): a duplicate with the same alert id (G2)', async () => {
    // Prepare
    const user = 'unknown-outcome';
    let first = true;
    harness.publishFault = (input) => {
      if (first && input.MessageAttributes?.detector?.StringValue === STOPPED) {
        first = false;
        return 'accepted-then-fail';
      }
      return undefined;
    };
    const from = harness.deliveries.length;

    // Act
    const failed = await harness.sqs([stop(user)]);

    // Assess: never lost; SNS got it twice under one id, which subscribers dedupe on.
    expect(failed).toEqual([]);
    const ids = deliveriesById(harness.deliveries.slice(from), STOPPED);
    expect([...ids.values()]).toEqual([2]);
  });

  it('makes the EventBridge invocation fail when it cannot publish, so Lambda retries it', async () => {
    // Prepare
    const event = {
      version: '0',
      id: 'eb-publish-fault',
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.cloudtrail',
      account: '111122223333',
      time: '2026-11-20T10:00:00Z',
      region: 'us-east-1',
      resources: [],
      detail: stopLogging('eb-publish-fault'),
    };
    harness.publishFault = () => {
      throw awsError('Throttling', 400);
    };

    // Act / Assess
    await expect(harness.eventBridgeHandler(event)).rejects.toBeInstanceOf(AlertDeliveryError);
    harness.publishFault = undefined;
    await harness.eventBridgeHandler(event);
    await harness.eventBridgeHandler(event);
    expect(deliveriesFor(harness, 'eb-publish-fault')).toHaveLength(1);
  });
});

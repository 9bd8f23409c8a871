import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { gz, listUsers, logText } from '../hostile/corpus/build.js';
import {
  deliveriesFor,
  duplicates,
  logGz,
  logKey,
  notification,
  PipelineHarness,
  sqsRecord,
  stopLogging,
} from './support.js';

/**
 * Every hop delivers at least once. With one state store shared by both
 * functions (DynamoDB on AWS; here in memory, injected into both handlers), each
 * of these produces exactly one alert: an object notified twice (in one batch or
 * two), a file re-uploaded, the same event via EventBridge and via S3 (either
 * order), a retry after a partial publish, a retry after a body broke mid-read.
 */

const harness = new PipelineHarness();
afterAll(() => harness.restore());

function object(name: string, records: readonly unknown[]): string {
  const key = logKey(name);
  harness.objects.set(key, logGz(records));
  return key;
}

function eventBridge(detail: unknown) {
  return {
    version: '0',
    id: `eb-${Math.random()}`,
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cloudtrail',
    account: '111122223333',
    time: '2026-11-20T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

describe('At-least-once delivery: exactly one alert', () => {
  it('for the same object notified twice, in two invocations', async () => {
    const key = object('twice', [stopLogging('twice')]);
    expect(await harness.sqs([sqsRecord('t-1', notification([key]))])).toEqual([]);
    expect(await harness.sqs([sqsRecord('t-2', notification([key]))])).toEqual([]);
    expect(deliveriesFor(harness, 'twice')).toHaveLength(1);
  });

  it('for the same object notified twice within one batch', async () => {
    const key = object('same-batch', [stopLogging('same-batch')]);
    const failed = await harness.sqs([
      sqsRecord('sb-1', notification([key])),
      sqsRecord('sb-2', notification([key])),
    ]);
    expect(failed).toEqual([]);
    expect(deliveriesFor(harness, 'same-batch')).toHaveLength(1);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ message: 'duplicate notification skipped' }),
    );
  });

  it('for a file uploaded again under the same key with a new eTag', async () => {
    const event = stopLogging('reuploaded');
    const key = object('reuploaded', [event]);
    await harness.sqs([sqsRecord('r-1', notification([key]))]);
    harness.objects.set(key, logGz([listUsers(), event]));
    const second = JSON.parse(notification([key]));
    second.Records[0].s3.object.eTag = 'a-new-etag';
    await harness.sqs([sqsRecord('r-2', JSON.stringify(second))]);
    expect(deliveriesFor(harness, 'reuploaded')).toHaveLength(1);
  });

  it('for the same event via EventBridge first, then in its S3 log file', async () => {
    const event = stopLogging('eb-then-s3');
    await harness.eventBridgeHandler(eventBridge(event));
    await harness.sqs([
      sqsRecord('ebs', notification([object('eb-then-s3', [listUsers(), event])])),
    ]);
    expect(deliveriesFor(harness, 'eb-then-s3')).toHaveLength(1);
  });

  it('for the same event in its S3 log file first, then via a late EventBridge delivery', async () => {
    const event = stopLogging('s3-then-eb');
    await harness.sqs([sqsRecord('seb', notification([object('s3-then-eb', [event])]))]);
    await harness.eventBridgeHandler(eventBridge(event));
    await harness.eventBridgeHandler(eventBridge(event));
    expect(deliveriesFor(harness, 's3-then-eb')).toHaveLength(1);
  });

  it('for a Lambda retry after a partial publish', async () => {
    // Prepare: of StopLogging's two alerts, the second publish fails once.
    const key = object('partial', [stopLogging('partial')]);
    let calls = 0;
    harness.publishFault = () => {
      calls += 1;
      if (calls === 2)
        throw Object.assign(new Error('Rate exceeded'), { name: 'AuthorizationError' });
      return undefined;
    };
    const message = sqsRecord('partial', notification([key]));
    const from = harness.deliveries.length;

    // Act
    const failed = await harness.sqs([message]);
    harness.publishFault = undefined;
    const retried = await harness.sqs([message]);

    // Assess
    expect([failed, retried]).toEqual([['partial'], []]);
    expect(harness.deliveries.length - from).toBe(2);
    expect(duplicates(harness.deliveries.slice(from))).toBe(0);
  });

  it('for a retry after the body broke mid-read, events before and after the break', async () => {
    // Prepare: two users' StopLogging at either end of a 5 MB file (past the 2 MiB
    // read-ahead, so it streams) whose body breaks half-way on the first read.
    const before = stopLogging('before-break');
    const after = stopLogging('after-break');
    const noise = Array.from({ length: 6000 }, () =>
      listUsers({ userAgent: randomBytes(800).toString('base64') }),
    );
    const body = gz(logText([before, ...noise, after]));
    const key = logKey('broken-body');
    harness.objects.set(key, body);
    harness.bodyFault = (k) => {
      harness.bodyFault = undefined;
      if (k !== key) return undefined;
      return (async function* () {
        for (let at = 0; at < body.length / 2; at += 64 * 1024) {
          yield body.subarray(at, at + 64 * 1024);
        }
        throw new Error('socket hang up');
      })();
    };
    const message = sqsRecord('broken', notification([key]));

    // Act
    const failed = await harness.sqs([message]);
    const sentBeforeRetry = deliveriesFor(harness, 'before-break').length;
    const retried = await harness.sqs([message]);

    // Assess: what was read before the break alerted at once, and not again.
    expect([failed, retried]).toEqual([['broken'], []]);
    expect(sentBeforeRetry).toBe(1);
    expect(deliveriesFor(harness, 'before-break')).toHaveLength(1);
    expect(deliveriesFor(harness, 'after-break')).toHaveLength(1);
  });

  it('never sent any alert id twice across all of the above', () => {
    expect(duplicates(harness.deliveries)).toBe(0);
  });
});

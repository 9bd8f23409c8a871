import { PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { SnsAlertPublisher } from '../../alerting/publishers/sns.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import type { Finding } from '../../detectors/types.js';
import { at, bucketPolicyBurst, findingFor, policyEvent } from './fixtures.js';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
const snsMock = mockClient(SNSClient);
const throttled = () =>
  new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });

/** What a Lambda handler does per batch: aggregate, flush, publish, commit what went out. */
async function handleBatch(store: AlertStateStore, findings: readonly Finding[]) {
  const aggregator = new AlertAggregator({ store });
  await aggregator.addAll(findings);
  const { alerts } = await aggregator.flush();
  const sns = new SnsAlertPublisher(new SNSClient({}), TOPIC, { sleep: async () => {} });
  const result = await sns.publish(alerts);
  await aggregator.commit(result.published);
  return { alerts, result };
}

describe('aggregate → SNS → commit, as a Lambda batch', () => {
  beforeEach(() => {
    snsMock.reset();
  });

  it('publishes an alert that SNS refused on the redelivered batch, once', async () => {
    // Prepare: SNS throttles every attempt of the first batch
    const store = new InMemoryAlertStateStore();
    const events = [policyEvent(at(0)), policyEvent(at(1))];
    snsMock.on(PublishCommand).rejects(throttled());
    const first = await handleBatch(
      store,
      events.map((e) => findingFor(e)),
    );

    // Act: SQS redelivers the batch; SNS is fine now
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const retry = await handleBatch(
      store,
      events.map((e) => findingFor(structuredClone(e))),
    );
    const third = await handleBatch(
      store,
      events.map((e) => findingFor(structuredClone(e))),
    );

    // Assess
    expect(first.result.failed).toHaveLength(1);
    expect(retry.result.published).toEqual([first.alerts[0]?.id]);
    expect(retry.alerts[0]?.count).toBe(2);
    expect(third.alerts).toEqual([]);
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('raises a threshold alert that two concurrent batches only reach together', async () => {
    // Prepare: two invocations each see 3 of the 5 needed, concurrently
    const store = new InMemoryAlertStateStore();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const a = new AlertAggregator({ store });
    const b = new AlertAggregator({ store });
    await a.addAll([0, 1, 2].map((m) => findingFor(policyEvent(at(m)), bucketPolicyBurst)));
    await b.addAll([3, 4, 5].map((m) => findingFor(policyEvent(at(m)), bucketPolicyBurst)));
    expect((await a.flush()).alerts).toEqual([]);
    expect((await b.flush()).alerts).toEqual([]);

    // Act: both commit; the second merges into the first's state
    await a.commit([]);
    await b.commit([]);
    const next = await handleBatch(store, [findingFor(policyEvent(at(20)), bucketPolicyBurst)]);

    // Assess: the merged state crossed the threshold; the next batch on the key sends it
    expect(next.alerts).toHaveLength(1);
    expect(next.alerts[0]?.count).toBe(7);
  });
});

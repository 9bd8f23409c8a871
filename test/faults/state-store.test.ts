import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbAlertStateStore } from '../../alerting/dynamodb-state-store.js';
import { FaultyStore, type StoreMethod, throttled } from './faulty-store.js';
import {
  deliveriesById,
  deliveriesFor,
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
 * The shared alert state (DynamoDB on AWS) failing under the pipeline, injected
 * at the AlertStateStore seam and, for the real DynamoDB store, with
 * aws-sdk-client-mock. A store that cannot answer fails the message closed: no
 * alert is taken for already sent, none is dropped.
 */

const store = new FaultyStore();
const harness = new PipelineHarness({ store });
let n = 0;

function stop(user: string) {
  const key = logKey(`store-${user}`);
  harness.objects.set(key, logGz([stopLogging(user)]));
  return sqsRecord(`msg-${user}-${++n}`, notification([key]));
}

/** Runs `message` with `method` failing, then again once the store recovered. */
async function withFault(method: StoreMethod, message: ReturnType<typeof stop>) {
  store.failing.set(method, throttled);
  const before = harness.deliveries.length;
  const failed = await harness.sqs([message]);
  const sentDuringFault = harness.deliveries.length - before;
  store.failing.delete(method);
  const retried = await harness.sqs([message]);
  return { failed, sentDuringFault, retried };
}

describe('Faults: alert state store (DynamoDB) through the store seam', () => {
  afterAll(() => harness.restore());

  it.each([
    ['get', 'reading key state'],
    ['seen', 'reading seen events'],
  ] as const)(
    'fails closed when %s is throttled (%s): nothing sent, then sent once',
    async (method, _what) => {
      // Act
      const { failed, sentDuringFault, retried } = await withFault(method, stop(`read-${method}`));

      // Assess
      expect(failed).toHaveLength(1);
      expect(sentDuringFault).toBe(0);
      expect(retried).toEqual([]);
      expect(deliveriesFor(harness, `read-${method}`)).toHaveLength(1);
    },
  );

  it.each(['put', 'markSeen'] as const)(
    're-sends under the same alert id when %s fails after publishing: never lost',
    async (method) => {
      // Act
      const user = `write-${method}`;
      const { failed, sentDuringFault, retried } = await withFault(method, stop(user));

      // Assess: the commit failed, so the retry cannot know the alert went out.
      expect(failed).toHaveLength(1);
      expect(sentDuringFault).toBeGreaterThan(0);
      expect(retried).toEqual([]);
      const ids = deliveriesById(deliveriesFor(harness, user));
      expect([...ids.values()].every((count) => count <= 2)).toBe(true);
      expect(ids.size).toBe(1);
    },
  );

  it('merges and retries after a failed condition (another writer first): one alert, message done', async () => {
    // Prepare
    store.conflicts = 2;

    // Act
    const failed = await harness.sqs([stop('one-conflict')]);

    // Assess
    expect(failed).toEqual([]);
    expect(store.conflicts).toBe(0);
    expect(deliveriesFor(harness, 'one-conflict')).toHaveLength(1);
  });

  it('fails the message when the condition keeps failing, and alerts again only under the same id', async () => {
    // Prepare: more conflicts than the aggregator's 5 attempts per key.
    const message = stop('endless-conflict');
    store.conflicts = 1_000;

    // Act
    const failed = await harness.sqs([message]);
    store.conflicts = 0;
    const retried = await harness.sqs([message]);

    // Assess
    expect(failed).toEqual([message.messageId]);
    expect(retried).toEqual([]);
    const ids = deliveriesById(deliveriesFor(harness, 'endless-conflict'));
    expect(ids.size).toBe(1);
  });

  it('does not take a quarantine alert for sent when its marks cannot be read', async () => {
    // Prepare: a bad object; the store cannot say whether its alert already went out.
    const key = logKey('store-quarantine');
    harness.objects.set(key, Buffer.from('not gzip at all'));
    const message = sqsRecord('store-quarantine', notification([key]));

    // Act
    const { failed, sentDuringFault, retried } = await withFault('seen', message);
    const again = await harness.sqs([message]);

    // Assess
    expect(failed).toEqual(['store-quarantine']);
    expect(sentDuringFault).toBe(0);
    expect([retried, again]).toEqual([[], []]);
    const quarantined = harness.deliveries.filter(
      (d) => d.alert.detector === QUARANTINE && d.alert.resources[0]?.endsWith(key),
    );
    expect(quarantined).toHaveLength(1);
  });
});

describe('Faults: the DynamoDB store itself (aws-sdk-client-mock)', () => {
  const ddb = mockClient(DynamoDBClient);
  const dynamo = new DynamoDbAlertStateStore(
    new DynamoDBClient({ maxAttempts: 1 }),
    'trailwatch-state',
  );
  const dynamoHarness = () => new PipelineHarness({ store: dynamo });

  afterAll(() => ddb.restore());

  it('fails the message without publishing while DynamoDB throttles, then alerts once', async () => {
    // Prepare: an empty, healthy table behind a throttling one (the seam suite's mocks are restored).
    const h = dynamoHarness();
    const key = logKey('dynamo-throttled');
    h.objects.set(key, logGz([stopLogging('dynamo-throttled')]));
    const message = sqsRecord('dynamo-throttled', notification([key]));
    ddb.on(GetItemCommand).rejects(throttled());

    // Act
    const failed = await h.sqs([message]);
    const sentDuringFault = h.deliveries.length;
    ddb.reset();
    ddb.on(GetItemCommand).resolves({});
    ddb.on(BatchGetItemCommand).resolves({ Responses: { 'trailwatch-state': [] } });
    ddb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: '1' } } });
    ddb.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const retried = await h.sqs([message]);

    // Assess
    expect(failed).toEqual(['dynamo-throttled']);
    expect(sentDuringFault).toBe(0);
    expect(retried).toEqual([]);
    expect(h.deliveries.filter((d) => d.alert.detector === STOPPED)).toHaveLength(1);
    expect(
      h.logs.find((l) => l.message === 'object failed, message will be retried')?.reason,
    ).toMatch(/AlertStateStoreError: alert state store failed to read state/);
    h.restore();
  });

  it('answers a failed condition as a conflict, not an error', async () => {
    ddb.reset();
    ddb.on(UpdateItemCommand).rejects(
      Object.assign(new Error('The conditional request failed'), {
        name: 'ConditionalCheckFailedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(
      dynamo.put({ detectorId: STOPPED, dedupKey: 'k' }, { groups: [], pending: [] }, 3, 0),
    ).resolves.toBeUndefined();
  });
});

import { randomBytes } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAlertStateStore } from '../../../alerting/dynamodb-state-store.js';
import type { KeyRef, KeyState } from '../../../alerting/state-store.js';
import { describeStateStoreContract, richState, stateWithCount } from '../state-store-contract.js';
import { type LocalDynamo, startLocalDynamo } from './dynalite-server.js';

/**
 * The DynamoDB store against dynalite, a DynamoDB-compatible server: real
 * condition expressions, batch limits, key and item size checks. Dynalite never
 * runs TTL, which is what these tests want: expired items stay, as they do on
 * DynamoDB until TTL gets to them, and reads must ignore them.
 */

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});

afterAll(async () => {
  await dynamo?.stop();
});

describeStateStoreContract('DynamoDbAlertStateStore on dynalite', async () => {
  let now = 0;
  const store = new DynamoDbAlertStateStore(dynamo.client, await dynamo.createStateTable(), {
    minRetentionSeconds: 0,
    clock: () => now,
  });
  return {
    store,
    passTime: async (seconds) => {
      now = seconds * 1000;
    },
  };
});

const ref: KeyRef = { detectorId: 'secrets-bulk-read', dedupKey: '111122223333|alice' };
const DAY = 86_400;

describe('DynamoDbAlertStateStore on dynalite', () => {
  it('keeps state of old events for the retention margin, so a backfill shares it across batches', async () => {
    // Prepare: events of 2021, whose event-time expiry is long past on the wall clock
    let now = Date.UTC(2026, 0, 10);
    const store = new DynamoDbAlertStateStore(dynamo.client, await dynamo.createStateTable(), {
      clock: () => now,
    });
    const expired2021 = Date.UTC(2021, 0, 1) / 1000;
    await store.put(ref, stateWithCount(1), 0, expired2021);
    await store.markSeen(['0123456789abcdef'], expired2021);
    await store.putMarks([
      { id: 'first-seen#d#k', since: expired2021 - 10, expiresAt: expired2021 },
    ]);

    // Act
    now += (DAY - 1) * 1000;
    const withinMargin = [
      await store.get(ref),
      await store.seen(['0123456789abcdef']),
      await store.getMarks(['first-seen#d#k']),
    ];
    now += 2000;
    const pastMargin = [
      await store.get(ref),
      await store.seen(['0123456789abcdef']),
      await store.getMarks(['first-seen#d#k']),
    ];

    // Assess: the mark still reports its event-time expiry, which the aggregator compares
    expect(withinMargin).toEqual([
      { version: 1, state: stateWithCount(1) },
      [true],
      [{ since: expired2021 - 10, expiresAt: expired2021 }],
    ]);
    expect(pastMargin).toEqual([undefined, [false], [undefined]]);
  });

  it('writes the TTL attribute as epoch seconds, never before the event-time expiry', async () => {
    const now = Date.UTC(2026, 0, 10);
    const table = await dynamo.createStateTable();
    const store = new DynamoDbAlertStateStore(dynamo.client, table, { clock: () => now });
    const later = now / 1000 + 30 * DAY;

    await store.put(ref, stateWithCount(1), 0, later);
    await store.putMarks([{ id: 'learning#d', since: 5 }]);

    const item = await dynamo.client.send(
      new GetItemCommand({
        TableName: table,
        Key: { pk: { S: 'state#secrets-bulk-read#111122223333|alice' } },
      }),
    );
    const learning = await dynamo.client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'mark#learning#d' } } }),
    );
    expect(item.Item?.expiresAt).toEqual({ N: String(later) });
    expect(item.Item?.version).toEqual({ N: '1' });
    expect(learning.Item).toEqual({ pk: { S: 'mark#learning#d' }, since: { N: '5' } });
  });

  it('replaces an expired item TTL has not deleted yet, its version counting on', async () => {
    // Prepare: version 3, then expired
    let now = 0;
    const store = new DynamoDbAlertStateStore(dynamo.client, await dynamo.createStateTable(), {
      minRetentionSeconds: 0,
      clock: () => now,
    });
    await store.put(ref, stateWithCount(1), 0, 100);
    await store.put(ref, stateWithCount(2), 1, 100);
    await store.put(ref, stateWithCount(3), 2, 100);
    now = 200_000;

    // Act
    const absent = await store.get(ref);
    const written = await store.put(ref, stateWithCount(4), 0, 300);
    const staleHolderOfV3 = await store.put(ref, stateWithCount(5), 3, 300);

    // Assess
    expect(absent).toBeUndefined();
    expect(written).toBe(4);
    expect(staleHolderOfV3).toBeUndefined();
    expect(await store.get(ref)).toEqual({ version: 4, state: stateWithCount(4) });
  });

  it('lets a forgotten mark come back with an earlier expiry than the stale item holds', async () => {
    // Prepare: a mark with a retention margin longer than its event-time life
    let now = 0;
    const store = new DynamoDbAlertStateStore(dynamo.client, await dynamo.createStateTable(), {
      minRetentionSeconds: 1000,
      clock: () => now,
    });
    await store.putMarks([{ id: 'k', since: 10, expiresAt: 900 }]);
    now = 5_000_000; // past its TTL (1000); the item is still there

    // Act: a backfill sees the key again, at an older event time
    await store.putMarks([{ id: 'k', since: 20, expiresAt: 400 }]);

    // Assess
    expect(await store.getMarks(['k'])).toEqual([{ since: 20, expiresAt: 400 }]);
  });

  it('stores a large state compressed and a huge one shrunk to fit one item', async () => {
    // Prepare: 60 held findings with 20 resources of 2 KB each, incompressible
    const warnings: unknown[] = [];
    const store = new DynamoDbAlertStateStore(dynamo.client, await dynamo.createStateTable(), {
      onWarning: (message, detail) => warnings.push({ message, ...detail }),
    });
    const noise = () => randomBytes(1536).toString('base64');
    const huge = richState();
    const template = huge.pending[0] as KeyState['pending'][number];
    huge.pending = Array.from({ length: 60 }, (_, i) => ({
      sample: { ...template.sample, time: i, summary: noise(), principal: noise() },
      resources: Array.from({ length: 20 }, noise),
      value: i.toString(16).padStart(32, '0'),
    }));
    const big = richState();

    // Act
    const bigVersion = await store.put({ ...ref, dedupKey: 'big' }, big, 0, 10);
    const hugeVersion = await store.put({ ...ref, dedupKey: 'huge' }, huge, 0, 10);
    const readBig = await store.get({ ...ref, dedupKey: 'big' });
    const readHuge = await store.get({ ...ref, dedupKey: 'huge' });

    // Assess: big intact; huge kept its counts and values, lost evidence only
    expect([bigVersion, hugeVersion]).toEqual([1, 1]);
    expect(readBig?.state).toEqual(big);
    expect(readHuge?.state.groups.map((g) => g.count)).toEqual(huge.groups.map((g) => g.count));
    expect(readHuge?.state.pending.map((p) => p.value)).toEqual(
      huge.pending.slice(-(readHuge?.state.pending.length ?? 0)).map((p) => p.value),
    );
    expect(readHuge?.state.pending[0]?.sample.summary.length).toBeLessThan(2048);
    expect(warnings).toEqual([
      expect.objectContaining({ message: 'alert state shrunk to fit one DynamoDB item' }),
    ]);
  });
});

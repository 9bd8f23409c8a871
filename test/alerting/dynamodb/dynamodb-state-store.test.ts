import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbUnprocessedError } from '../../../alerting/dynamodb-batch.js';
import {
  DynamoDbAlertStateStore,
  type DynamoDbAlertStateStoreOptions,
} from '../../../alerting/dynamodb-state-store.js';
import { AlertStateStoreError } from '../../../alerting/errors.js';
import { stateWithCount } from '../state-store-contract.js';

const TABLE = 'trailwatch-state';
const ref = { detectorId: 'd', dedupKey: 'k' };
const NOW = Date.UTC(2026, 10, 20);
const ddb = mockClient(DynamoDBClient);
const meta = { $metadata: { httpStatusCode: 400 } };

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', ...meta });
const throughputExceeded = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds', ...meta });
const throttled = () => new ThrottlingException({ message: 'Rate exceeded', ...meta });

function store(options: DynamoDbAlertStateStoreOptions = {}, waits: number[] = []) {
  return new DynamoDbAlertStateStore(new DynamoDBClient({}), TABLE, {
    clock: () => NOW,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    ...options,
  });
}

const seenKey = (fp: string) => ({ pk: { S: `seen#${fp}` } });
const FUTURE = { N: String(NOW / 1000 + 3600) };

describe('DynamoDbAlertStateStore', () => {
  beforeEach(() => {
    ddb.reset();
  });

  describe('put', () => {
    it('answers undefined when the version condition fails', async () => {
      ddb.on(UpdateItemCommand).rejects(conditionFailed());

      const version = await store().put(ref, stateWithCount(1), 3, 10);

      expect(version).toBeUndefined();
      expect(ddb).toHaveReceivedCommandWith(UpdateItemCommand, {
        TableName: TABLE,
        Key: { pk: { S: 'state#d#k' } },
        ConditionExpression: '#v = :expected',
        ExpressionAttributeValues: expect.objectContaining({ ':expected': { N: '3' } }),
      });
    });

    it('returns the version DynamoDB stored', async () => {
      ddb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: '8' } } });

      const version = await store().put(ref, stateWithCount(1), 0, 10);

      expect(version).toBe(8);
      expect(ddb).toHaveReceivedCommandWith(UpdateItemCommand, {
        ConditionExpression: 'attribute_not_exists(#pk) OR attribute_not_exists(#v) OR #e < :now',
        ReturnValues: 'UPDATED_NEW',
      });
    });

    it('surfaces throttling as AlertStateStoreError carrying the SDK error', async () => {
      const cause = throughputExceeded();
      ddb.on(UpdateItemCommand).rejects(cause);

      const failure = await store()
        .put(ref, stateWithCount(1), 1, 10)
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBe(cause);
      expect((failure as Error).message).toContain(TABLE);
    });
  });

  describe('get', () => {
    it('reads consistently and ignores an item whose TTL has passed', async () => {
      ddb.on(GetItemCommand).resolves({
        Item: {
          pk: { S: 'state#d#k' },
          version: { N: '2' },
          state: { S: JSON.stringify(stateWithCount(1)) },
          expiresAt: { N: String(NOW / 1000 - 1) },
        },
      });

      expect(await store().get(ref)).toBeUndefined();
      expect(ddb).toHaveReceivedCommandWith(GetItemCommand, { ConsistentRead: true });
    });

    it('resets an unreadable state to empty, keeping its version, and says so', async () => {
      const warnings: string[] = [];
      ddb.on(GetItemCommand).resolves({
        Item: { pk: { S: 'state#d#k' }, version: { N: '5' }, state: { S: '{"groups":' } },
      });

      const read = await store({ onWarning: (m) => warnings.push(m) }).get(ref);

      expect(read).toEqual({ version: 5, state: { groups: [], pending: [] } });
      expect(warnings).toEqual(['unreadable alert state reset to empty']);
    });

    it('surfaces throttling as AlertStateStoreError carrying the SDK error', async () => {
      const cause = throttled();
      ddb.on(GetItemCommand).rejects(cause);

      const failure = await store()
        .get(ref)
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBe(cause);
    });
  });

  describe('seen', () => {
    it('retries UnprocessedKeys with growing backoff until all are read', async () => {
      // Prepare: the first answer leaves one key over, the second reads it
      const [a, b] = ['00000000000000aa', '00000000000000bb'];
      ddb
        .on(BatchGetItemCommand)
        .resolvesOnce({
          Responses: { [TABLE]: [{ ...seenKey(a), expiresAt: FUTURE }] },
          UnprocessedKeys: { [TABLE]: { Keys: [seenKey(b)] } },
        })
        .resolvesOnce({
          Responses: { [TABLE]: [{ ...seenKey(b), expiresAt: FUTURE }] },
          UnprocessedKeys: { [TABLE]: { Keys: [seenKey(b)] } },
        })
        .resolves({ Responses: { [TABLE]: [] }, UnprocessedKeys: {} });
      const waits: number[] = [];

      // Act
      const answers = await store({}, waits).seen([a, b, '00000000000000cc']);

      // Assess
      expect(answers).toEqual([true, true, false]);
      expect(ddb).toHaveReceivedCommandTimes(BatchGetItemCommand, 3);
      const retried = ddb.commandCalls(BatchGetItemCommand)[1]?.args[0].input;
      expect(retried?.RequestItems?.[TABLE]?.Keys).toEqual([seenKey(b)]);
      expect(retried?.RequestItems?.[TABLE]?.ConsistentRead).toBe(true);
      expect(waits).toEqual([50, 100]);
    });

    it('fails with a named cause when keys stay unprocessed through every attempt', async () => {
      const a = '00000000000000aa';
      ddb
        .on(BatchGetItemCommand)
        .resolves({ UnprocessedKeys: { [TABLE]: { Keys: [seenKey(a)] } } });

      const failure = await store({ maxAttempts: 3 })
        .seen([a])
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBeInstanceOf(DynamoDbUnprocessedError);
      expect(ddb).toHaveReceivedCommandTimes(BatchGetItemCommand, 3);
    });

    it('asks for each key once, at most 100 per request, and never for malformed ones', async () => {
      ddb.on(BatchGetItemCommand).resolves({ Responses: { [TABLE]: [] } });
      const fps = Array.from({ length: 150 }, (_, i) => i.toString(16).padStart(16, '0'));

      await store().seen([...fps, ...fps, 'not-hex', '']);

      const sent = ddb
        .commandCalls(BatchGetItemCommand)
        .map((c) => c.args[0].input.RequestItems?.[TABLE]?.Keys?.length);
      expect(sent).toEqual([100, 50]);
    });

    it('sends nothing when every fingerprint is malformed', async () => {
      expect(await store().seen(['x', ''])).toEqual([false, false]);
      expect(ddb).toHaveReceivedCommandTimes(BatchGetItemCommand, 0);
    });

    it('surfaces throttling as AlertStateStoreError carrying the SDK error', async () => {
      const cause = throughputExceeded();
      ddb.on(BatchGetItemCommand).rejects(cause);

      const failure = await store()
        .seen(['00000000000000aa'])
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBe(cause);
    });
  });

  describe('markSeen', () => {
    it('writes 25 per request, retrying UnprocessedItems', async () => {
      // Prepare
      const fps = Array.from({ length: 30 }, (_, i) => i.toString(16).padStart(16, '0'));
      const leftOver = {
        PutRequest: { Item: { ...seenKey(fps[0] as string), expiresAt: FUTURE } },
      };
      ddb
        .on(BatchWriteItemCommand)
        .resolvesOnce({ UnprocessedItems: { [TABLE]: [leftOver] } })
        .resolves({ UnprocessedItems: {} });

      // Act
      await store().markSeen(fps, NOW / 1000 + 60);

      // Assess: 25 + 5, then the one left over
      const sizes = ddb
        .commandCalls(BatchWriteItemCommand)
        .map((c) => c.args[0].input.RequestItems?.[TABLE]?.length);
      expect(sizes.sort()).toEqual([1, 25, 5]);
    });

    it('surfaces throttling as AlertStateStoreError carrying the SDK error', async () => {
      const cause = throttled();
      ddb.on(BatchWriteItemCommand).rejects(cause);

      const failure = await store()
        .markSeen(['00000000000000aa'], 10)
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBe(cause);
    });
  });

  describe('putMarks', () => {
    it('treats a failed expiry condition on a live mark as success', async () => {
      ddb.on(UpdateItemCommand).rejects(conditionFailed());

      await store().putMarks([{ id: 'k', since: 1, expiresAt: 2 }]);

      // The second update only replaces a mark whose TTL has passed.
      const conditions = ddb
        .commandCalls(UpdateItemCommand)
        .map((c) => c.args[0].input.ConditionExpression);
      expect(conditions).toEqual([
        'attribute_not_exists(#e) OR (#e >= :now AND #until < :until)',
        '#e < :now',
      ]);
    });

    it('writes a permanent mark without condition or TTL', async () => {
      ddb.on(UpdateItemCommand).resolves({});

      await store().putMarks([{ id: 'learning#d', since: 7 }]);

      expect(ddb).toHaveReceivedCommandWith(UpdateItemCommand, {
        Key: { pk: { S: 'mark#learning#d' } },
        UpdateExpression: 'SET #since = if_not_exists(#since, :since)',
        ExpressionAttributeValues: { ':since': { N: '7' } },
      });
    });

    it('surfaces throttling as AlertStateStoreError carrying the SDK error', async () => {
      const cause = throughputExceeded();
      ddb.on(UpdateItemCommand).rejects(cause);

      const failure = await store()
        .putMarks([{ id: 'k', since: 1, expiresAt: 2 }])
        .catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(AlertStateStoreError);
      expect((failure as Error).cause).toBe(cause);
    });
  });

  it('leaves expiry to TTL: expire sends nothing', async () => {
    await store().expire(NOW / 1000);

    expect(ddb.calls()).toHaveLength(0);
  });
});

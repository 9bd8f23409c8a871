import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type KeysAndAttributes,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { type Item, keyItem, STATE_TABLE_SCHEMA } from './dynamodb-items.js';
import { runLimited } from './run-limited.js';

/**
 * BatchGetItem / BatchWriteItem with their partial results handled. DynamoDB may
 * answer a batch with part of it left over (`UnprocessedKeys`, `UnprocessedItems`)
 * when a partition is throttled; that is not an error, and the SDK does not retry
 * it. AWS asks for a retry with exponential backoff, which is done here a bounded
 * number of times before failing with {@link DynamoDbUnprocessedError}.
 */

/** BatchGetItem takes at most 100 keys per request. */
export const BATCH_GET_MAX = 100;
/** BatchWriteItem takes at most 25 requests. */
export const BATCH_WRITE_MAX = 25;
/** Batch requests of one call in flight at once. */
const CONCURRENCY = 4;

export interface BatchRetryOptions {
  /** Rounds per request, the first included. Default 8. */
  readonly maxAttempts?: number;
  /** Backoff base in ms (full jitter, doubling, capped at 5 s). Default 50. */
  readonly baseDelayMs?: number;
  /** For tests: how to wait and where jitter comes from. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Part of a batch stayed unprocessed through every retry: the table is throttled. */
export class DynamoDbUnprocessedError extends Error {
  override readonly name = 'DynamoDbUnprocessedError';
  constructor(
    readonly operation: 'BatchGetItem' | 'BatchWriteItem',
    readonly unprocessed: number,
    readonly attempts: number,
  ) {
    super(
      `${operation} left ${unprocessed} item(s) unprocessed after ${attempts} attempts ` +
        '(the table is throttled); retry later or raise its capacity',
    );
  }
}

export interface BatchGetRequest {
  readonly tableName: string;
  readonly keys: readonly string[];
  /** Attributes to read besides the key. */
  readonly attributes: readonly string[];
}

/** Reads items by partition key (strongly consistent); the map holds the ones that exist. */
export async function batchGetItems(
  client: DynamoDBClient,
  request: BatchGetRequest,
  options: BatchRetryOptions = {},
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const pk = STATE_TABLE_SCHEMA.partitionKey;
  const names = [pk, ...request.attributes];
  const projection: Pick<KeysAndAttributes, 'ProjectionExpression' | 'ExpressionAttributeNames'> = {
    ProjectionExpression: names.map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
  };
  // DynamoDB rejects a batch that names one key twice.
  const unique = [...new Set(request.keys)];
  await runLimited(chunks(unique, BATCH_GET_MAX), CONCURRENCY, async (chunk) => {
    let keys: KeysAndAttributes['Keys'] = chunk.map(keyItem);
    await withRetries('BatchGetItem', options, async () => {
      const response = await client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [request.tableName]: { Keys: keys, ConsistentRead: true, ...projection },
          },
        }),
      );
      for (const item of response.Responses?.[request.tableName] ?? []) {
        const key = item[pk]?.S;
        if (key !== undefined) found.set(key, item);
      }
      keys = response.UnprocessedKeys?.[request.tableName]?.Keys ?? [];
      return keys.length;
    });
  });
  return found;
}

/** Writes whole items (PutRequest): idempotent, so a retried request does no harm. */
export async function batchPutItems(
  client: DynamoDBClient,
  tableName: string,
  items: readonly Item[],
  options: BatchRetryOptions = {},
): Promise<void> {
  const pk = STATE_TABLE_SCHEMA.partitionKey;
  const unique = new Map(items.map((item) => [item[pk]?.S, item]));
  await runLimited(chunks([...unique.values()], BATCH_WRITE_MAX), CONCURRENCY, async (chunk) => {
    let requests: WriteRequest[] = chunk.map((Item) => ({ PutRequest: { Item } }));
    await withRetries('BatchWriteItem', options, async () => {
      const response = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = response.UnprocessedItems?.[tableName] ?? [];
      return requests.length;
    });
  });
}

/** Runs `round` until it reports nothing left over, with backoff between rounds. */
async function withRetries(
  operation: DynamoDbUnprocessedError['operation'],
  options: BatchRetryOptions,
  round: () => Promise<number>,
): Promise<void> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 8));
  const base = options.baseDelayMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  let left = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    left = await round();
    if (left === 0) return;
    if (attempt < maxAttempts) {
      await sleep(Math.floor(random() * Math.min(5000, base * 2 ** (attempt - 1))));
    }
  }
  throw new DynamoDbUnprocessedError(operation, left, maxAttempts);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { type BatchRetryOptions, batchGetItems, batchPutItems } from './dynamodb-batch.js';
import {
  type Item,
  isExpired,
  keyItem,
  markKeyOf,
  markOf,
  num,
  numberOf,
  STATE_TABLE_SCHEMA,
  seenKeyOf,
  stateKeyOf,
} from './dynamodb-items.js';
import { decodeKeyState, encodeKeyState } from './dynamodb-state-codec.js';
import { AlertStateStoreError } from './errors.js';
import { emptyKeyState } from './key-state.js';
import { runLimited } from './run-limited.js';
import type {
  AlertStateStore,
  KeyRef,
  KeyState,
  MarkUpdate,
  StoredMark,
  VersionedKeyState,
} from './state-store.js';

export { STATE_TABLE_SCHEMA } from './dynamodb-items.js';

export interface DynamoDbAlertStateStoreOptions extends BatchRetryOptions {
  /**
   * Every item stays readable at least this long (wall clock) after its last
   * write. Default 86400 (one day). See the class comment.
   */
  readonly minRetentionSeconds?: number;
  /** UpdateItem calls in flight when writing first-seen marks. Default 16. */
  readonly concurrency?: number;
  /** Epoch ms; for tests. Default `Date.now`. */
  readonly clock?: () => number;
  /**
   * Told about state the store had to repair: evidence shrunk to fit an item,
   * or a stored state it could not read (reset to empty). Default: silent.
   */
  readonly onWarning?: (message: string, detail: Readonly<Record<string, unknown>>) => void;
}

const DEFAULT_MIN_RETENTION_SECONDS = 86_400;

/**
 * {@link AlertStateStore} on one DynamoDB table shared by every Lambda: key
 * `pk` (String, no sort key), TTL attribute `expiresAt` (Number, epoch seconds);
 * item layout in `dynamodb-items.ts`.
 *
 * - `put` is one UpdateItem conditioned on the version read; a failed condition
 *   is the "another writer got there first" answer (`undefined`).
 * - Seen marks are batched PutRequests (idempotent); first-seen marks one
 *   conditional UpdateItem each, so `since` is kept and the expiry only grows.
 * - Reads are strongly consistent and batched (BatchGetItem, with its
 *   `UnprocessedKeys` retried); throttling is retried by the SDK, then surfaces
 *   as {@link AlertStateStoreError} with the SDK error as `cause`.
 *
 * Expiry: the aggregator's times are EVENT time; DynamoDB TTL compares with the
 * wall clock. Written as is, state of a backfill (month-old events) would be
 * expired on arrival, and the batches of that backfill could neither share
 * counts nor recognise redelivered events. So the TTL attribute is the later of
 * the event-time expiry and `now + minRetentionSeconds`, and first-seen marks
 * keep their event-time expiry apart (`until`), as the aggregator reads it back.
 * TTL deletes late (up to days), so every read treats an item whose TTL has
 * passed as absent: what a read sees never depends on when TTL ran. `expire` is
 * therefore a no-op.
 */
export class DynamoDbAlertStateStore implements AlertStateStore {
  private readonly minRetentionSeconds: number;
  private readonly concurrency: number;
  private readonly clock: () => number;
  private readonly warn: NonNullable<DynamoDbAlertStateStoreOptions['onWarning']>;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
    private readonly options: DynamoDbAlertStateStoreOptions = {},
  ) {
    const retention = Number(options.minRetentionSeconds ?? DEFAULT_MIN_RETENTION_SECONDS);
    this.minRetentionSeconds = Number.isFinite(retention) && retention > 0 ? retention : 0;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
    this.clock = options.clock ?? Date.now;
    this.warn = options.onWarning ?? (() => {});
  }

  async get(ref: KeyRef): Promise<VersionedKeyState | undefined> {
    const pk = stateKeyOf(ref);
    const response = await this.call('read state (GetItem)', () =>
      this.client.send(
        new GetItemCommand({ TableName: this.tableName, Key: keyItem(pk), ConsistentRead: true }),
      ),
    );
    const item = response.Item;
    if (!item || isExpired(item, this.nowSeconds())) return undefined;
    const version = numberOf(item, 'version') ?? 0;
    const state = decodeKeyState(item);
    if (state) return { version, state };
    // Failing here would fail every batch touching this key, forever: start the
    // key over instead (its version kept, so the next write replaces the item).
    this.warn('unreadable alert state reset to empty', { pk, version });
    return { version, state: emptyKeyState() };
  }

  async put(
    ref: KeyRef,
    state: KeyState,
    expectedVersion: number,
    expiresAt: number,
  ): Promise<number | undefined> {
    const pk = stateKeyOf(ref);
    const encoded = await this.call('write state', async () => encodeKeyState(pk, state));
    if (encoded.shrunk > 0) {
      this.warn('alert state shrunk to fit one DynamoDB item', { pk, step: encoded.shrunk });
    }
    const now = this.nowSeconds();
    const names: Record<string, string> = {
      '#v': 'version',
      '#s': encoded.name,
      '#old': encoded.name === 'state' ? 'stateGz' : 'state',
      '#e': STATE_TABLE_SCHEMA.ttlAttribute,
    };
    const values: Item = {
      ':s': encoded.value,
      ':e': num(this.ttl(expiresAt, now)),
      ':one': num(1),
    };
    let condition: string;
    let update: string;
    if (expectedVersion === 0) {
      // "Nothing stored" includes an expired item TTL has not deleted yet; its
      // version keeps counting up so a writer that read it before it expired
      // still conflicts.
      condition = 'attribute_not_exists(#pk) OR attribute_not_exists(#v) OR #e < :now';
      update = 'SET #s = :s, #e = :e, #v = if_not_exists(#v, :zero) + :one REMOVE #old';
      names['#pk'] = STATE_TABLE_SCHEMA.partitionKey;
      values[':now'] = num(now);
      values[':zero'] = num(0);
    } else {
      condition = '#v = :expected';
      update = 'SET #s = :s, #e = :e, #v = #v + :one REMOVE #old';
      values[':expected'] = num(expectedVersion);
    }
    const response = await this.call('write state (UpdateItem)', async () => {
      try {
        return await this.client.send(
          new UpdateItemCommand({
            TableName: this.tableName,
            Key: keyItem(pk),
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'UPDATED_NEW',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    });
    if (!response) return undefined;
    return numberOf(response.Attributes, 'version') ?? expectedVersion + 1;
  }

  async seen(fingerprints: readonly string[]): Promise<readonly boolean[]> {
    const keys = fingerprints.map(seenKeyOf);
    const valid = keys.filter((k): k is string => k !== undefined);
    if (valid.length === 0) return keys.map(() => false);
    const found = await this.call('read seen events (BatchGetItem)', () =>
      batchGetItems(
        this.client,
        { tableName: this.tableName, keys: valid, attributes: [STATE_TABLE_SCHEMA.ttlAttribute] },
        this.options,
      ),
    );
    const now = this.nowSeconds();
    return keys.map((key) => {
      const item = key === undefined ? undefined : found.get(key);
      return item !== undefined && !isExpired(item, now);
    });
  }

  async markSeen(fingerprints: readonly string[], expiresAt: number): Promise<void> {
    const ttl = num(this.ttl(expiresAt, this.nowSeconds()));
    const items: Item[] = [];
    for (const fingerprint of fingerprints) {
      const pk = seenKeyOf(fingerprint);
      if (pk) items.push({ ...keyItem(pk), [STATE_TABLE_SCHEMA.ttlAttribute]: ttl });
    }
    if (items.length === 0) return;
    await this.call('mark events seen (BatchWriteItem)', () =>
      batchPutItems(this.client, this.tableName, items, this.options),
    );
  }

  async getMarks(ids: readonly string[]): Promise<readonly (StoredMark | undefined)[]> {
    if (ids.length === 0) return [];
    const keys = ids.map(markKeyOf);
    const found = await this.call('read first-seen marks (BatchGetItem)', () =>
      batchGetItems(
        this.client,
        {
          tableName: this.tableName,
          keys,
          attributes: ['since', 'until', STATE_TABLE_SCHEMA.ttlAttribute],
        },
        this.options,
      ),
    );
    const now = this.nowSeconds();
    return keys.map((key) => {
      const item = found.get(key);
      return item && !isExpired(item, now) ? markOf(item) : undefined;
    });
  }

  async putMarks(marks: readonly MarkUpdate[]): Promise<void> {
    await this.call('write first-seen marks (UpdateItem)', () =>
      runLimited(marks, this.concurrency, (mark) => this.putMark(mark)),
    );
  }

  /** TTL deletes expired items; reads already ignore them. */
  async expire(_watermark: number): Promise<void> {}

  /**
   * One mark: `since` kept, `until` (event-time expiry) only raised. A failed
   * condition means a later expiry is stored (success) or the stored mark has
   * expired and TTL has not deleted it yet: then a second update replaces it, as
   * if it were gone. Both happen only when writers race or marks come back.
   */
  private async putMark(mark: MarkUpdate): Promise<void> {
    const now = this.nowSeconds();
    const key = keyItem(markKeyOf(mark.id));
    if (mark.expiresAt === undefined) {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #since = if_not_exists(#since, :since)',
          ExpressionAttributeNames: { '#since': 'since' },
          ExpressionAttributeValues: { ':since': num(mark.since) },
        }),
      );
      return;
    }
    const names = { '#since': 'since', '#until': 'until', '#e': STATE_TABLE_SCHEMA.ttlAttribute };
    const values: Item = {
      ':since': num(mark.since),
      ':until': num(mark.expiresAt),
      ':e': num(this.ttl(mark.expiresAt, now)),
      ':now': num(now),
    };
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #since = if_not_exists(#since, :since), #until = :until, #e = :e',
          ConditionExpression: 'attribute_not_exists(#e) OR (#e >= :now AND #until < :until)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #since = :since, #until = :until, #e = :e',
          ConditionExpression: '#e < :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The TTL attribute for an event-time expiry: never before `now + minRetentionSeconds`. */
  private ttl(expiresAt: number, now: number): number {
    const eventTime = Number.isFinite(expiresAt) ? Math.ceil(expiresAt) : 0;
    return Math.max(eventTime, now + this.minRetentionSeconds);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      throw new AlertStateStoreError(`${operation} on table ${this.tableName}`, { cause });
    }
  }
}

function isConditionFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ConditionalCheckFailedException'
  );
}

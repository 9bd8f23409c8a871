import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeyRef, StoredMark } from './state-store.js';

/**
 * How the DynamoDB state store lays out its single table. The CDK table
 * (infra/lib/state-table.ts) must declare the same names.
 *
 * | item        | pk                                 | attributes                                      |
 * |-------------|------------------------------------|-------------------------------------------------|
 * | key state   | `state#<detector id>#<dedup key>`  | `version` N, `state` S (JSON) or `stateGz` B    |
 * | seen event  | `seen#<16 hex digits>`             |                                                 |
 * | first-seen  | `mark#<mark id>`                   | `since` N, `until` N (absent: kept for good)    |
 *
 * Every item but a permanent mark carries `expiresAt` (N, epoch seconds): the
 * table's TTL attribute, compared by DynamoDB with the WALL CLOCK.
 */
export const STATE_TABLE_SCHEMA = {
  /** The table's only key: partition key, type String; no sort key. */
  partitionKey: 'pk',
  /** The TTL attribute, Number, epoch seconds. */
  ttlAttribute: 'expiresAt',
} as const;

/** DynamoDB accepts partition keys up to 2048 bytes; longer keys are hashed well before that. */
const MAX_READABLE_KEY_BYTES = 1024;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The partition key of one detector + dedup key's state. */
export function stateKeyOf(ref: KeyRef): string {
  // The detector id is percent-encoded so a `#` in it cannot shift the boundary
  // between id and dedup key (detector ids are kebab-case: unchanged in practice).
  const detector = detectorPart(String(ref.detectorId));
  const readable = `state#${detector}#${ref.dedupKey}`;
  // A lone surrogate would reach DynamoDB as U+FFFD, merging two attacker-chosen
  // keys; long keys would hit the key size limit. Both get a digest instead.
  if (!LONE_SURROGATE.test(ref.dedupKey) && Buffer.byteLength(readable) <= MAX_READABLE_KEY_BYTES) {
    return readable;
  }
  const digest = createHash('sha256')
    .update(`${String(ref.detectorId)}\u0000${ref.dedupKey}`, 'utf16le')
    .digest('hex');
  return `state#${detector.slice(0, 200)}#sha256:${digest}`;
}

function detectorPart(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    // encodeURIComponent throws on a lone surrogate.
    return `sha256:${createHash('sha256').update(id, 'utf16le').digest('hex')}`;
  }
}

/** The partition key of a seen-event mark, or `undefined` for a malformed fingerprint. */
export function seenKeyOf(fingerprint: unknown): string | undefined {
  return typeof fingerprint === 'string' && /^[0-9a-f]{16}$/.test(fingerprint)
    ? `seen#${fingerprint}`
    : undefined;
}

/** The partition key of a first-seen mark (ids are printable and short by contract). */
export function markKeyOf(id: string): string {
  return `mark#${id}`;
}

export type Item = Record<string, AttributeValue>;

export function keyItem(pk: string): Item {
  return { [STATE_TABLE_SCHEMA.partitionKey]: { S: pk } };
}

export function num(value: number): AttributeValue {
  return { N: String(value) };
}

/** A Number attribute as a finite number, `undefined` when absent or not a number. */
export function numberOf(item: Item | undefined, name: string): number | undefined {
  const raw = item?.[name]?.N;
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function stringOf(item: Item | undefined, name: string): string | undefined {
  return item?.[name]?.S;
}

/**
 * True when DynamoDB TTL would delete the item now: its `expiresAt` is before
 * `nowSeconds`. TTL deletes late (typically within two days), so every read
 * filters such items itself and sees exactly what the table will hold.
 */
export function isExpired(item: Item, nowSeconds: number): boolean {
  const expiresAt = numberOf(item, STATE_TABLE_SCHEMA.ttlAttribute);
  return expiresAt !== undefined && expiresAt < nowSeconds;
}

/** A first-seen mark as the aggregator knows it: its event-time expiry is `until`. */
export function markOf(item: Item): StoredMark | undefined {
  const since = numberOf(item, 'since');
  if (since === undefined) return undefined;
  const until = numberOf(item, 'until');
  return until === undefined ? { since } : { since, expiresAt: until };
}

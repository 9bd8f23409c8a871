import { gunzipSync, gzipSync } from 'node:zlib';
import type { Item } from './dynamodb-items.js';
import { SHRINK_STEPS, shrinkKeyState } from './state-item-size.js';
import type { KeyState } from './state-store.js';

/**
 * Key state as DynamoDB attributes: JSON in `state` (S) while small, so it stays
 * readable in the console; gzip in `stateGz` (B) above that, since every KB
 * written costs a write unit and the repetitive JSON compresses several-fold.
 */

/** JSON up to this many bytes is stored as text. */
export const INLINE_STATE_BYTES = 8 * 1024;
/**
 * Most bytes the state attribute may take. DynamoDB's limit is 400 KB for the
 * whole item (names and values); the key (≤ 1 KB) and numbers need far less
 * than the margin left.
 */
export const MAX_STATE_BYTES = 380 * 1024;

/** Even the most shrunk form of a key state did not fit in one item. */
export class AlertStateTooLargeError extends Error {
  override readonly name = 'AlertStateTooLargeError';
  constructor(
    readonly pk: string,
    readonly bytes: number,
  ) {
    super(
      `alert state ${pk} needs ${bytes} bytes even after shrinking its evidence, more than the ` +
        `${MAX_STATE_BYTES} a DynamoDB item can hold; report this as a bug with the detector id`,
    );
  }
}

export interface EncodedState {
  /** The attribute to set; the other one is removed. */
  readonly name: 'state' | 'stateGz';
  readonly value: { S: string } | { B: Uint8Array };
  /** 0 when the state was stored as given, else the shrinking step it needed. */
  readonly shrunk: number;
}

export function encodeKeyState(pk: string, state: KeyState): EncodedState {
  let bytes = 0;
  for (let step = 0; step <= SHRINK_STEPS; step++) {
    const json = JSON.stringify(step === 0 ? state : shrinkKeyState(state, step));
    bytes = Buffer.byteLength(json);
    if (bytes <= INLINE_STATE_BYTES) return { name: 'state', value: { S: json }, shrunk: step };
    const zipped = gzipSync(json);
    bytes = zipped.length;
    if (bytes <= MAX_STATE_BYTES) return { name: 'stateGz', value: { B: zipped }, shrunk: step };
  }
  throw new AlertStateTooLargeError(pk, bytes);
}

/**
 * The key state of an item, `undefined` when it holds none that parses as key
 * state (written by hand, or by an incompatible version).
 */
export function decodeKeyState(item: Item): KeyState | undefined {
  try {
    const text = item.state?.S;
    const zipped = item.stateGz?.B;
    const json = text ?? (zipped ? gunzipSync(zipped).toString('utf8') : undefined);
    if (json === undefined) return undefined;
    const parsed: unknown = JSON.parse(json);
    if (!isKeyState(parsed)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

function isKeyState(value: unknown): value is KeyState {
  if (typeof value !== 'object' || value === null) return false;
  const { groups, pending } = value as Partial<KeyState>;
  return Array.isArray(groups) && Array.isArray(pending);
}

import type { CloudTrailEvent } from '../types.js';
import { asArray, asString, findAll, getPath } from './fields.js';

/**
 * Reading identifiers out of free-form request and response bodies. Services
 * spell the same field differently (`logGroupName`, `LogGroupName`), EC2 wraps
 * newer requests in `<Action>Request` objects and lists in `{items: [...]}`, so
 * these helpers look case-insensitively and tolerate every one of those shapes.
 */

function nonBlank(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

/** The first non-blank string among the top-level request fields `keys`, tried in order. */
export function requestField(
  event: CloudTrailEvent,
  ...keys: readonly string[]
): string | undefined {
  for (const key of keys) {
    const value = nonBlank(getPath(event.requestParameters, key));
    if (value) return value;
  }
  return undefined;
}

/**
 * The first non-blank string stored under any of `keys` at any depth of `root`
 * (depth-limited): for identifiers that sit inside a request wrapper or a
 * response object, e.g. `CreateTrafficMirrorSessionRequest.NetworkInterfaceId`.
 */
export function deepField(
  root: unknown,
  keys: readonly string[],
  maxDepth = 4,
): string | undefined {
  for (const key of keys) {
    for (const value of findAll(root, key, maxDepth)) {
      const text = nonBlank(value);
      if (text) return text;
    }
  }
  return undefined;
}

/** A list as EC2 logs it (`{items: [...]}`), as JSON APIs log it (an array), or a single value. */
export function listItems(value: unknown): unknown[] {
  const inner = getPath(value, 'items');
  return asArray(inner === undefined ? value : inner);
}

/**
 * The strings of a list-or-single field. Entries that are objects are read
 * through `innerKey` (EC2's `{content: "fl-..."}` wrappers, `{value: ...}`).
 */
export function stringList(value: unknown, innerKey = 'content'): string[] {
  const out: string[] = [];
  for (const item of listItems(value)) {
    const text = nonBlank(typeof item === 'string' ? item : getPath(item, innerKey));
    if (text) out.push(text);
  }
  return out;
}

/**
 * The identifier a call acted on: looked for under `keys` in the request first
 * (at any shallow depth, for EC2's `<Action>Request` wrappers), then in the
 * response (create calls only learn the new id there).
 */
export function identifierOf(event: CloudTrailEvent, keys: readonly string[]): string | undefined {
  return deepField(event.requestParameters, keys, 3) ?? deepField(event.responseElements, keys, 3);
}

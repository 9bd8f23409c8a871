import { isJsonObject, jsonTypeOf } from './describe.js';
import type { SkipReason } from './types.js';

/** What one top-level JSON value of an object (or one JSON Lines line) holds. */
export type DocumentShape =
  /** A CloudTrail log file: `{"Records": [...]}`. */
  | { readonly kind: 'records'; readonly records: readonly unknown[] }
  /** `Records` is present but not an array. */
  | { readonly kind: 'records-not-array'; readonly found: string }
  /** A JSON array of records or EventBridge events. */
  | { readonly kind: 'array'; readonly items: readonly unknown[] }
  /** One record or EventBridge event. */
  | { readonly kind: 'single'; readonly item: unknown }
  /** Something CloudTrail-related that carries no records (digest, S3 test event). */
  | { readonly kind: 'skip'; readonly reason: SkipReason; readonly detail: string }
  /** Nothing recognisable. */
  | { readonly kind: 'unknown'; readonly detail: string };

/** Keys any CloudTrail record or EventBridge event has at least one of. */
const RECORD_KEYS = [
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'eventID',
  'detail-type',
];

/** Keys of a CloudTrail digest file (validation digests, delivered under CloudTrail-Digest/). */
const DIGEST_KEYS = [
  'digestStartTime',
  'digestEndTime',
  'digestS3Object',
  'digestSignatureAlgorithm',
];

/**
 * Recognises a top-level value. In JSON Lines every line is a record candidate, so an
 * unrecognised object there is `single` (and fails record validation with a precise
 * reason); in a document it is `unknown` (`no-records`).
 */
export function shapeOf(value: unknown, jsonLines: boolean): DocumentShape {
  if (Array.isArray(value)) return { kind: 'array', items: value };
  if (!isJsonObject(value)) {
    return jsonLines
      ? { kind: 'single', item: value }
      : { kind: 'unknown', detail: `top-level JSON value is ${jsonTypeOf(value)}` };
  }
  if (Object.hasOwn(value, 'Records')) {
    const records = value.Records;
    return Array.isArray(records)
      ? { kind: 'records', records }
      : { kind: 'records-not-array', found: jsonTypeOf(records) };
  }
  if (value.Event === 's3:TestEvent') {
    return { kind: 'skip', reason: 's3-test-event', detail: 'S3 test event message' };
  }
  if (DIGEST_KEYS.some((key) => Object.hasOwn(value, key))) {
    return { kind: 'skip', reason: 'cloudtrail-digest', detail: 'digest file content' };
  }
  if (jsonLines || RECORD_KEYS.some((key) => Object.hasOwn(value, key))) {
    return { kind: 'single', item: value };
  }
  return { kind: 'unknown', detail: 'JSON object without a Records array' };
}

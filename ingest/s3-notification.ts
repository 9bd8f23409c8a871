import { isJsonObject, jsonTypeOf, quoteForMessage } from './describe.js';
import { IngestError } from './errors.js';
import { decodeS3Key } from './s3-key.js';
import type { SourceRef } from './types.js';

/** One S3 object a notification says was created: what GetObject needs, plus its identity. */
export interface NotifiedObject {
  readonly bucket: string;
  /** The decoded key, ready for GetObject. */
  readonly key: string;
  /** `s3://bucket/key`: the name to give `readObject`. */
  readonly uri: string;
  readonly size?: number;
  /** Together with the key (or versionId), identifies one write: dedup on it. */
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer?: string;
  /** `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`... or EventBridge's `Object Created`. */
  readonly eventName: string;
  readonly eventTime?: string;
  readonly region?: string;
}

/** Why a notification (or one of its records) asks for no work. */
export type NotificationSkipReason = 's3-test-event' | 'not-object-created';

/** What an SQS message body asked for, record by record. */
export type S3NotificationResult =
  | { readonly kind: 'object'; readonly object: NotifiedObject; readonly record: number }
  | {
      readonly kind: 'skipped';
      readonly reason: NotificationSkipReason;
      readonly detail: string;
      readonly record?: number;
    }
  | { readonly kind: 'error'; readonly error: IngestError };

export interface S3NotificationOptions {
  /** Names the message in errors, e.g. `{ object: 'sqs:<messageId>' }`. Default `{ object: 'sqs-message' }`. */
  readonly source?: SourceRef;
  /**
   * Accept an S3 notification wrapped in an SNS envelope (`Type: Notification`,
   * `Message` string). Off by default: the planned topology has no SNS hop, so such
   * a message means something is misrouted and is reported instead.
   */
  readonly unwrapSns?: boolean;
}

/**
 * Reads the body of an SQS message that carries an S3 event notification (S3 → SQS),
 * or an S3 "Object Created" event routed through EventBridge. Recognises the
 * `s3:TestEvent` S3 sends when notifications are configured (skipped, must not reach
 * a DLQ) and non-create events such as `ObjectRemoved:*` (skipped). Anything else is
 * an `invalid-notification` error. Per-record problems (a malformed key escape) fail
 * only that record. Never throws.
 */
export function parseS3Notification(
  body: string,
  options: S3NotificationOptions = {},
): S3NotificationResult[] {
  const source = options.source ?? { object: 'sqs-message' };
  const fail = (message: string, record?: number): S3NotificationResult => ({
    kind: 'error',
    error: new IngestError(
      'invalid-notification',
      record === undefined ? source : { ...source, record },
      message,
    ),
  });
  let message = parseJson(body);
  if (message === undefined) return [fail('message body is not JSON')];
  if (
    isJsonObject(message) &&
    message.Type === 'Notification' &&
    typeof message.Message === 'string'
  ) {
    if (options.unwrapSns !== true) {
      return [fail('an SNS-wrapped message; set unwrapSns if S3 notifications go through SNS')];
    }
    message = parseJson(message.Message);
    if (message === undefined) return [fail('SNS Message is not JSON')];
  }
  if (!isJsonObject(message))
    return [fail(`message is ${jsonTypeOf(message)}, expected an S3 event`)];
  if (message.Event === 's3:TestEvent') {
    return [
      {
        kind: 'skipped',
        reason: 's3-test-event',
        detail: 'S3 test event sent when notifications are configured',
      },
    ];
  }
  if (typeof message['detail-type'] === 'string' && message.source === 'aws.s3') {
    return [fromEventBridgeS3(message, fail)];
  }
  if (!Array.isArray(message.Records))
    return [fail('no Records array: not an S3 event notification')];
  return message.Records.map((record, index) => fromRecord(record, index, fail));
}

type Fail = (message: string, record?: number) => S3NotificationResult;

function fromRecord(record: unknown, index: number, fail: Fail): S3NotificationResult {
  if (!isJsonObject(record))
    return fail(`record is ${jsonTypeOf(record)}, expected an object`, index);
  if (record.eventSource !== 'aws:s3') {
    return fail(`not an S3 event (eventSource ${describe(record.eventSource)})`, index);
  }
  const eventName = record.eventName;
  if (typeof eventName !== 'string') return fail('eventName is missing', index);
  if (!eventName.startsWith('ObjectCreated:')) {
    return {
      kind: 'skipped',
      reason: 'not-object-created',
      detail: quoteForMessage(eventName),
      record: index,
    };
  }
  const s3 = isJsonObject(record.s3) ? record.s3 : {};
  const bucket = isJsonObject(s3.bucket) ? s3.bucket.name : undefined;
  const object = isJsonObject(s3.object) ? s3.object : {};
  return toObject(
    {
      bucket,
      rawKey: object.key,
      size: object.size,
      eTag: object.eTag,
      versionId: object.versionId,
      sequencer: object.sequencer,
      eventName,
      eventTime: record.eventTime,
      region: record.awsRegion,
    },
    index,
    fail,
  );
}

function fromEventBridgeS3(event: Record<string, unknown>, fail: Fail): S3NotificationResult {
  const detailType = event['detail-type'] as string;
  if (detailType !== 'Object Created') {
    return {
      kind: 'skipped',
      reason: 'not-object-created',
      detail: quoteForMessage(detailType),
      record: 0,
    };
  }
  const detail = isJsonObject(event.detail) ? event.detail : {};
  const object = isJsonObject(detail.object) ? detail.object : {};
  return toObject(
    {
      bucket: isJsonObject(detail.bucket) ? detail.bucket.name : undefined,
      // Assumed form-URL-encoded like S3's own notifications (AWS does not say otherwise);
      // CloudTrail keys never contain '+', '%' or spaces, so the choice cannot bite them.
      rawKey: object.key,
      size: object.size,
      eTag: object.etag,
      versionId: object['version-id'],
      sequencer: object.sequencer,
      eventName: detailType,
      eventTime: event.time,
      region: event.region,
    },
    0,
    fail,
  );
}

interface RawObject {
  readonly bucket: unknown;
  readonly rawKey: unknown;
  readonly size: unknown;
  readonly eTag: unknown;
  readonly versionId: unknown;
  readonly sequencer: unknown;
  readonly eventName: string;
  readonly eventTime: unknown;
  readonly region: unknown;
}

function toObject(raw: RawObject, record: number, fail: Fail): S3NotificationResult {
  if (typeof raw.bucket !== 'string' || raw.bucket === '')
    return fail('bucket name is missing', record);
  if (typeof raw.rawKey !== 'string' || raw.rawKey === '')
    return fail('object key is missing', record);
  const key = decodeS3Key(raw.rawKey);
  if (key === undefined) {
    return fail(`object key ${quoteForMessage(raw.rawKey)} has a malformed %-escape`, record);
  }
  const object: NotifiedObject = {
    bucket: raw.bucket,
    key,
    uri: `s3://${raw.bucket}/${key}`,
    eventName: raw.eventName,
    ...optional('size', typeof raw.size === 'number' && raw.size >= 0 ? raw.size : undefined),
    ...optional('eTag', stringOrUndefined(raw.eTag)),
    ...optional('versionId', stringOrUndefined(raw.versionId)),
    ...optional('sequencer', stringOrUndefined(raw.sequencer)),
    ...optional('eventTime', stringOrUndefined(raw.eventTime)),
    ...optional('region', stringOrUndefined(raw.region)),
  };
  return { kind: 'object', object, record };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? quoteForMessage(value) : jsonTypeOf(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { gzipSync } from 'node:zlib';
import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';
import { BUCKET, type CaseInput, type HostileCase } from './types.js';

/** Builders the corpus sections share: keys, events, log files, notifications. */

const MiB = 1024 * 1024;

/** A CloudTrail log key (org trail) whose file name ends with the case id. */
export function logKey(id: string, region = 'us-east-1', prefix = ''): string {
  return (
    `${prefix}AWSLogs/o-exampleorg1/${ACCOUNT}/CloudTrail/${region}/2026/11/20/` +
    `${ACCOUNT}_CloudTrail_${region}_20261120T1000Z_${id}.json.gz`
  );
}

/**
 * StopLogging by a user named after the case, so every case alerts on its own
 * dedup key and its alert can be found by that name.
 */
export function stopLogging(user: string, overrides: Partial<CloudTrailEvent> = {}) {
  return cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    userIdentity: identities.iamUser(user),
    requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail` },
    ...overrides,
  });
}

/** An ordinary read that no detector alerts on. */
export function listUsers(overrides: Partial<CloudTrailEvent> = {}) {
  return cloudTrailEvent({ eventName: 'ListUsers', readOnly: true, ...overrides });
}

export const json = (value: unknown) => JSON.stringify(value);
export const logText = (records: readonly unknown[]) =>
  `{"Records":[${records.map(json).join(',')}]}`;
export const gz = (content: string | Buffer) => gzipSync(content);
export const logGz = (records: readonly unknown[]) => gz(logText(records));

/** An S3 event notification as S3 sends it to SQS: keys form-URL-encoded. */
export function notification(
  keys: readonly string[],
  options: { eventName?: string; encode?: (key: string) => string } = {},
): string {
  const encode = options.encode ?? formEncode;
  return json({
    Records: keys.map((key, i) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-20T10:05:00.000Z',
      eventName: options.eventName ?? 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'trailwatch',
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        object: {
          key: encode(key),
          size: 1024,
          eTag: `etag-${i}`,
          sequencer: '0A1B2C3D4E5F678901',
        },
      },
    })),
  });
}

/** `application/x-www-form-urlencoded` as S3 applies it to keys: `/` kept, space as `+`. */
export function formEncode(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** `{"a":{"a":...}}` nested `depth` levels, as raw JSON text. */
export function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A gzip member of `size` bytes of spaces between `prefix` and `suffix`, streamed through zlib. */
export function paddedGzip(prefix: string, size: number, suffix: string): Buffer {
  const block = Buffer.alloc(MiB, 0x20);
  const parts: Buffer[] = [Buffer.from(prefix)];
  for (let left = size; left > 0; left -= MiB)
    parts.push(left >= MiB ? block : block.subarray(0, left));
  parts.push(Buffer.from(suffix));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** A case list and its `add`, so each section reads as a list of cases. */
export function caseList(): { cases: HostileCase[]; add: (c: HostileCase) => void } {
  const cases: HostileCase[] = [];
  return { cases, add: (c) => cases.push(c) };
}

/** The object input of a case: its body under a log key named after the case. */
export function objectInput(id: string, body: Buffer, key = logKey(id)): CaseInput {
  return { kind: 'object', key, body };
}

/** A CloudTrail digest file's body (no Records). */
export function digestBody(): Buffer {
  return gz(
    json({
      awsAccountId: ACCOUNT,
      digestStartTime: '2026-11-20T09:00:00Z',
      digestEndTime: '2026-11-20T10:00:00Z',
      digestS3Bucket: BUCKET,
      digestS3Object: 'x',
      digestSignatureAlgorithm: 'SHA256withRSA',
      logFiles: [],
    }),
  );
}

/** The key of an org trail's digest file. */
export function digestKey(suffix = ''): string {
  return (
    `AWSLogs/o-exampleorg1/${ACCOUNT}/CloudTrail-Digest/us-east-1/2026/11/20/` +
    `${ACCOUNT}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261120T100000Z${suffix}.json.gz`
  );
}

/** A CloudTrail Insights record (no top-level eventSource/eventName). */
export function insightRecord(): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventTime: '2026-11-20T10:00:00Z',
    awsRegion: 'us-east-1',
    eventID: 'insight-1',
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: '12edc982-3348-4794-83d3-a3db26525049',
    insightDetails: {
      state: 'Start',
      eventSource: 'ssm.amazonaws.com',
      eventName: 'UpdateInstanceAssociationStatus',
      insightType: 'ApiCallRateInsight',
    },
    eventCategory: 'Insight',
  };
}

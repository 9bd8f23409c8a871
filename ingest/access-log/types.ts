/**
 * The fields of an S3 server access-log line, in the order S3 writes them
 * (AWS S3 User Guide, "Amazon S3 server access log format"). S3 extends the
 * format by appending fields, so older lines stop early and newer ones may carry
 * fields this list does not know yet.
 */
export const ACCESS_LOG_FIELDS = [
  'bucketOwner',
  'bucket',
  'time',
  'remoteIp',
  'requester',
  'requestId',
  'operation',
  'key',
  'requestUri',
  'httpStatus',
  'errorCode',
  'bytesSent',
  'objectSize',
  'totalTime',
  'turnAroundTime',
  'referer',
  'userAgent',
  'versionId',
  'hostId',
  'signatureVersion',
  'cipherSuite',
  'authenticationType',
  'hostHeader',
  'tlsVersion',
  'accessPointArn',
  'aclRequired',
  'sourceRegion',
] as const;

export type AccessLogField = (typeof ACCESS_LOG_FIELDS)[number];

/** Lines with fewer fields than this (through Version Id) are not taken as access-log records. */
export const MIN_ACCESS_LOG_FIELDS = 18;

/**
 * One S3 server access-log record. A field S3 wrote as `-` (unknown, not
 * applicable, zero bytes) is `null`, and so is a field the line is too old to
 * have: {@link AccessLogRecord.fieldCount} tells the two apart. Every string is
 * as logged (the key stays URL-encoded) and may be attacker-chosen (user agent,
 * referer, request URI, key).
 */
export interface AccessLogRecord {
  /** Canonical user id of the bucket owner. */
  readonly bucketOwner: string | null;
  readonly bucket: string;
  /** Request time, ISO-8601 UTC (`2019-02-06T00:00:38.000Z`). */
  readonly time: string;
  readonly remoteIp: string | null;
  /**
   * Canonical user id, IAM/STS ARN or `svc:<service>` of the requester; `null`
   * for an unauthenticated (anonymous) request.
   */
  readonly requester: string | null;
  readonly requestId: string | null;
  /** `REST.GET.OBJECT`, `WEBSITE.GET.OBJECT`, `BATCH.DELETE.OBJECT`, `S3.EXPIRE.OBJECT`, ... */
  readonly operation: string | null;
  /** URL-encoded object key. */
  readonly key: string | null;
  /** `GET /bucket/key?x HTTP/1.1`, without the quotes. */
  readonly requestUri: string | null;
  readonly httpStatus: number | null;
  readonly errorCode: string | null;
  /** Response bytes, protocol overhead excluded; `null` when S3 wrote `-` (zero). */
  readonly bytesSent: number | null;
  readonly objectSize: number | null;
  readonly totalTime: number | null;
  readonly turnAroundTime: number | null;
  readonly referer: string | null;
  readonly userAgent: string | null;
  readonly versionId: string | null;
  readonly hostId: string | null;
  /** `SigV2`, `SigV4`, or `null` for unauthenticated requests. */
  readonly signatureVersion: string | null;
  /** Negotiated TLS cipher, `null` for plain HTTP. */
  readonly cipherSuite: string | null;
  /** `AuthHeader`, `QueryString` (presigned URL), or `null`. */
  readonly authenticationType: string | null;
  /** Endpoint the client connected to (`bucket.s3.us-west-1.amazonaws.com`). */
  readonly hostHeader: string | null;
  /** `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3` (S3's case varies), `null` without TLS. */
  readonly tlsVersion: string | null;
  readonly accessPointArn: string | null;
  /** `Yes` when an ACL was required to authorise the request. */
  readonly aclRequired: string | null;
  readonly sourceRegion: string | null;
  /** Fields the line had. A field at or past this index is absent because the line predates it. */
  readonly fieldCount: number;
  /** Fields past the ones known here (S3 appends new fields to the end), kept verbatim. */
  readonly extraFields: readonly string[];
}

/** Whether the line was new enough to carry `field` at all (as opposed to S3 writing `-`). */
export function hasField(record: AccessLogRecord, field: AccessLogField): boolean {
  return ACCESS_LOG_FIELDS.indexOf(field) < record.fieldCount;
}

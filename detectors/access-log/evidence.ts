import type { AccessLogRecord } from '../../ingest/access-log/types.js';
import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { EVIDENCE_EVENT_TYPE } from '../helpers/source-detector.js';
import type { BucketLocation } from './location.js';
import { bucketArn, methodOf } from './request.js';
import { requesterIdentity } from './requester.js';

/**
 * An access-log record as a CloudTrail-shaped evidence event, laid out the way
 * CloudTrail logs an S3 data event (bucketName/key/Host request parameters,
 * signature and cipher in additionalEventData, tlsDetails, bucket and object in
 * `resources`), so the alert's account, region, principal, source IP and event id,
 * and suppressions by principal, address, user agent or resource, all work as for
 * CloudTrail findings. `eventType` is `S3ServerAccessLog`, which CloudTrail never
 * writes; the event id is S3's request id. The account is `unknown` unless the
 * log key said it: never the requester's own account.
 */
export function accessLogEvidence(
  record: AccessLogRecord,
  location: BucketLocation,
): CloudTrailEvent {
  const method = methodOf(record);
  const status = record.httpStatus;
  return {
    eventVersion: '1.09',
    eventType: EVIDENCE_EVENT_TYPE.accessLog,
    eventCategory: 'Data',
    eventTime: record.time,
    eventSource: 's3.amazonaws.com',
    eventName: record.operation ?? 'UNKNOWN',
    ...(record.requestId ? { eventID: record.requestId, requestID: record.requestId } : {}),
    ...(location.region ? { awsRegion: location.region } : {}),
    recipientAccountId: location.account ?? 'unknown',
    ...(record.remoteIp ? { sourceIPAddress: record.remoteIp } : {}),
    ...(record.userAgent ? { userAgent: record.userAgent } : {}),
    userIdentity: requesterIdentity(record.requester),
    ...(status !== null && status >= 400 ? { errorCode: record.errorCode ?? `HTTP${status}` } : {}),
    requestParameters: {
      bucketName: record.bucket,
      ...(record.key ? { key: record.key } : {}),
      ...(record.hostHeader ? { Host: record.hostHeader } : {}),
    },
    responseElements: null,
    additionalEventData: {
      ...(record.signatureVersion ? { SignatureVersion: record.signatureVersion } : {}),
      ...(record.cipherSuite ? { CipherSuite: record.cipherSuite } : {}),
      ...(record.authenticationType ? { AuthenticationMethod: record.authenticationType } : {}),
      bytesTransferredOut: record.bytesSent ?? 0,
      ...(record.hostId ? { 'x-amz-id-2': record.hostId } : {}),
      ...(status !== null ? { httpStatus: status } : {}),
    },
    ...(record.tlsVersion || record.cipherSuite
      ? {
          tlsDetails: {
            ...(record.tlsVersion ? { tlsVersion: record.tlsVersion } : {}),
            ...(record.cipherSuite ? { cipherSuite: record.cipherSuite } : {}),
            ...(record.hostHeader ? { clientProvidedHostHeader: record.hostHeader } : {}),
          },
        }
      : {}),
    resources: [
      ...(record.key
        ? [{ type: 'AWS::S3::Object', ARN: objectArn(record.bucket, record.key) }]
        : []),
      { type: 'AWS::S3::Bucket', ARN: bucketArn(record.bucket) },
    ],
    readOnly: method === 'GET' || method === 'HEAD',
    managementEvent: false,
  };
}

/** CloudTrail names objects by their decoded key; the log has it URL-encoded. */
function objectArn(bucket: string, key: string): string {
  let decoded = key;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    // A malformed escape: keep the key as logged rather than lose it.
  }
  return `${bucketArn(bucket)}/${decoded}`;
}

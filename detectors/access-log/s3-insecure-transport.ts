import { hasField } from '../../ingest/access-log/types.js';
import { targetOf } from './format.js';
import { bucketArn, isRestRequest } from './request.js';
import { requesterKey, requesterLabel } from './requester.js';
import type { AccessLogDetector } from './types.js';

/** TLS 1.0 and 1.1: deprecated (RFC 8996); S3 endpoints now refuse them in most places. */
const OLD_TLS = /^TLSv1(?:\.[01])?$/i;

/** A client reached S3 over plain HTTP, or over TLS older than 1.2. */
export const s3InsecureTransport: AccessLogDetector = {
  id: 's3-insecure-transport',
  input: 'access-log',
  title: 'S3 request without TLS or with an old TLS version',
  severity: 'medium',
  description:
    'S3 server access logs show a REST request with no TLS at all (no cipher suite: data ' +
    'and request headers crossed the network in clear) or negotiated with TLS 1.0/1.1 (low). ' +
    'Enforce aws:SecureTransport and s3:TlsVersion in the bucket policy. Lines too old to carry ' +
    'the cipher field, website endpoints (HTTP only by design) and S3-internal operations are ' +
    'left out. Benign causes: legacy clients and appliances.',
  attack: ['T1040'],
  references: [
    'S3.5',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 24 * 3600,
  match(record) {
    if (!isRestRequest(record) || !hasField(record, 'cipherSuite')) return undefined;
    if (record.remoteIp === null) return undefined;
    const plain = record.cipherSuite === null && record.tlsVersion === null;
    const old = record.tlsVersion !== null && OLD_TLS.test(record.tlsVersion);
    if (!plain && !old) return undefined;
    const how = plain ? 'plain HTTP (no TLS)' : record.tlsVersion;
    return {
      summary: `${requesterLabel(record)} called ${targetOf(record)} over ${how} (${record.operation})`,
      dedupKey: `${record.bucket}|${requesterKey(record)}|${plain ? 'no-tls' : String(record.tlsVersion).toUpperCase()}`,
      resources: [bucketArn(record.bucket)],
      ...(plain ? {} : { severity: 'low' as const }),
    };
  },
};

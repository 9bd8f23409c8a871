import { gzipSync } from 'node:zlib';
import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { cloudTrailEvent } from '../../helpers/events.js';

/** A record with a readable eventID (`evt-<n>`). */
export function record(n: number, overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({ eventID: `evt-${n}`, ...overrides });
}

/** `count` records `evt-0`.. in order. */
export function records(count: number): CloudTrailEvent[] {
  return Array.from({ length: count }, (_, i) => record(i));
}

/** A CloudTrail log file's content, as CloudTrail writes it (one line, no trailing newline). */
export function logFile(items: readonly unknown[]): Buffer {
  return Buffer.from(JSON.stringify({ Records: items }));
}

/** Gzip, as CloudTrail stores every log file. */
export function gz(content: Buffer | string): Buffer {
  return gzipSync(content);
}

/** JSON Lines: one value per line. */
export function jsonLines(items: readonly unknown[]): Buffer {
  return Buffer.from(`${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
}

/** How EventBridge delivers a CloudTrail record (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html). */
export function eventBridgeEvent(
  detail: unknown,
  detailType = 'AWS API Call via CloudTrail',
): Record<string, unknown> {
  return {
    version: '0',
    id: '6f87d04b-9f74-4f04-a780-7acf4b0a9b38',
    'detail-type': detailType,
    source: 'aws.iam',
    account: '111122223333',
    time: '2026-11-20T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

/** A CloudTrail Insights record: no top-level eventSource/eventName. */
export function insightRecord(): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventTime: '2026-11-20T10:00:00Z',
    awsRegion: 'us-east-1',
    eventID: 'insight-1',
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: '111122223333',
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

/** The body of a CloudTrail digest file (no Records). */
export function digestFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      awsAccountId: '111122223333',
      digestStartTime: '2026-11-20T09:00:00Z',
      digestEndTime: '2026-11-20T10:00:00Z',
      digestS3Bucket: 'trail-bucket',
      digestS3Object: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/x.json.gz',
      digestSignatureAlgorithm: 'SHA256withRSA',
      logFiles: [],
    }),
  );
}

/** The message S3 sends once when notifications are configured. */
export const S3_TEST_EVENT = {
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2026-11-20T10:00:00.000Z',
  Bucket: 'trail-bucket',
  RequestId: '5582815E1AEA5ADF',
  HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
};

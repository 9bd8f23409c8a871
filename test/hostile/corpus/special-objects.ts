import { ACCOUNT } from '../../helpers/events.js';
import {
  caseList,
  digestBody,
  digestKey,
  insightRecord,
  json,
  listUsers,
  logGz,
  logKey,
  notification,
  objectInput,
} from './build.js';
import { BUCKET, type HostileCase } from './types.js';

/** Catalog §B: digests, Insights, test events, stray messages: what else reaches the queue. */
export function specialObjects(): HostileCase[] {
  const { cases, add } = caseList();
  const digest = digestBody();
  add({
    id: 'B1-digest',
    catalog: ['B1'],
    title: 'digest file in the CloudTrail-Digest folder (org trail)',
    input: objectInput('B1-digest', digest, digestKey()),
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-digest' },
  });
  add({
    id: 'B1-digest-backfill',
    catalog: ['B1'],
    title: 'backfill digest (_backfill suffix)',
    input: objectInput('B1-digest-backfill', digest, digestKey('_backfill')),
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-digest' },
  });
  add({
    id: 'B1-digest-content-under-log-key',
    catalog: ['B1'],
    title: 'digest content under an ordinary log key (recognised by its fields)',
    input: objectInput('B1-digest-content-under-log-key', digest),
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-digest' },
  });
  const insight = insightRecord();
  add({
    id: 'B2-insight-folder',
    catalog: ['B2'],
    title: 'Insights file in the CloudTrail-Insight folder',
    input: objectInput(
      'B2-insight-folder',
      logGz([insight]),
      `AWSLogs/${ACCOUNT}/CloudTrail-Insight/us-east-1/2026/11/20/${ACCOUNT}_CloudTrail-Insight_us-east-1_20261120T1000Z_b2.json.gz`,
    ),
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-insight' },
  });
  add({
    id: 'B2-insight-records-under-log-key',
    catalog: ['B2', 'D12'],
    title: 'Insights records under an ordinary log key',
    input: objectInput('B2-insight-records-under-log-key', logGz([insight, insight])),
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-insight' },
  });
  add({
    id: 'B3-s3-test-event',
    catalog: ['B3'],
    title: 's3:TestEvent sent when notifications are configured',
    input: {
      kind: 'message',
      body: json({
        Service: 'Amazon S3',
        Event: 's3:TestEvent',
        Time: '2026-11-20T10:00:00.000Z',
        Bucket: BUCKET,
        RequestId: '5582815E1AEA5ADF',
        HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
      }),
      objects: {},
    },
    expect: { outcome: 'S', events: 0, skip: 's3-test-event' },
  });
  add({
    id: 'B4-sns-wrapped',
    catalog: ['B4'],
    title: 'an S3 notification wrapped in an SNS envelope (not our topology)',
    input: {
      kind: 'message',
      body: json({
        Type: 'Notification',
        MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
        TopicArn: 'arn:aws:sns:us-east-1:111122223333:somewhere',
        Message: notification([logKey('B4')]),
      }),
      objects: {},
    },
    expect: { outcome: 'Q', events: 0, codes: ['invalid-notification'] },
  });
  for (const [suffix, body] of [
    ['hello', 'hello'],
    ['empty-object', '{}'],
    ['blob', 'x'.repeat(256 * 1024)],
  ] as const) {
    add({
      id: `B5-stray-message-${suffix}`,
      catalog: ['B5'],
      title: `an SQS body that is not an S3 event (${suffix})`,
      input: { kind: 'message', body, objects: {} },
      expect: { outcome: 'Q', events: 0, codes: ['invalid-notification'] },
    });
  }
  add({
    id: 'B7-object-removed',
    catalog: ['B7'],
    title: 'ObjectRemoved:Delete notification',
    input: {
      kind: 'message',
      body: notification([logKey('B7')], { eventName: 'ObjectRemoved:Delete' }),
      objects: {},
    },
    expect: { outcome: 'S', events: 0, skip: 'not-object-created' },
  });
  add({
    id: 'B8-forged-benign-history',
    catalog: ['B8'],
    title: 'a well-formed file of forged, benign-looking events (only digest validation can tell)',
    input: objectInput('B8-forged-benign-history', logGz([listUsers(), listUsers(), listUsers()])),
    expect: { outcome: 'P', events: 3 },
  });
  add({
    id: 'B9-path-account-mismatch',
    catalog: ['B9'],
    title: 'file name account differs from the path account',
    input: objectInput(
      'B9-path-account-mismatch',
      logGz([listUsers()]),
      `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/20/444455556666_CloudTrail_eu-west-1_20261120T1000Z_B9.json.gz`,
    ),
    expect: { outcome: 'P', events: 1 },
  });

  return cases;
}

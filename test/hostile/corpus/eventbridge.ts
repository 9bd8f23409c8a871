import { ACCOUNT } from '../../helpers/events.js';
import { caseList, insightRecord, json, nestedJson, stopLogging } from './build.js';
import { BUCKET, type HostileCase, STOPPED } from './types.js';

/** EventBridge payloads the fast path must survive. */
export function eventBridgePayloads(): HostileCase[] {
  const { cases, add } = caseList();
  const insight = insightRecord();
  const envelope = (detail: unknown, detailType = 'AWS API Call via CloudTrail') => ({
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': detailType,
    source: 'aws.cloudtrail',
    account: ACCOUNT,
    time: '2026-11-20T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  });
  add({
    id: 'EB-good',
    catalog: ['D12'],
    title: 'EventBridge: a StopLogging event',
    input: { kind: 'eventbridge', payload: json(envelope(stopLogging('case-EB'))) },
    expect: { outcome: 'P', events: 1, alerts: { [STOPPED]: 1 } },
  });
  add({
    id: 'EB-not-cloudtrail',
    catalog: ['B5'],
    title: 'EventBridge: an S3 Object Created event reaching the CloudTrail function',
    input: {
      kind: 'eventbridge',
      payload: json(envelope({ bucket: { name: BUCKET } }, 'Object Created')),
    },
    expect: { outcome: 'S', events: 0, skip: 'not-cloudtrail' },
  });
  add({
    id: 'EB-insight',
    catalog: ['B2'],
    title: 'EventBridge: a CloudTrail Insight event',
    input: { kind: 'eventbridge', payload: json(envelope(insight, 'AWS Insight via CloudTrail')) },
    expect: { outcome: 'S', events: 0, skip: 'cloudtrail-insight' },
  });
  add({
    id: 'EB-null-detail',
    catalog: ['D4'],
    title: 'EventBridge: detail null',
    input: { kind: 'eventbridge', payload: json(envelope(null)) },
    expect: { outcome: 'Q', events: 0, codes: ['invalid-record'] },
  });
  add({
    id: 'EB-not-an-event',
    catalog: ['B5'],
    title: 'EventBridge: payload "hello" (no AWS source: refused before parsing)',
    input: { kind: 'eventbridge', payload: json('hello') },
    expect: { outcome: 'S', events: 0, skip: 'rejected:source-not-aws' },
  });
  add({
    id: 'EB-deep-detail',
    catalog: ['A11'],
    title: 'EventBridge: detail nested 10,000 levels deep',
    input: {
      kind: 'eventbridge',
      payload: `{"source":"aws.cloudtrail","detail-type":"AWS API Call via CloudTrail","detail":${nestedJson(10_000)}}`,
    },
    expect: { outcome: 'Q', events: 0, codes: ['too-deep'] },
  });
  return cases;
}

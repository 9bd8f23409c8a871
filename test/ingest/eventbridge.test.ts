import { describe, expect, it } from 'vitest';
import { fromEventBridge } from '../../ingest/eventbridge.js';
import { summarize } from './helpers/collect.js';
import { eventBridgeEvent, insightRecord, record } from './helpers/fixtures.js';

const SOURCE = { object: 'eventbridge:6f87d04b' };

describe('fromEventBridge', () => {
  it('turns one CloudTrail event into an event item and an object-end', () => {
    // Act
    const items = fromEventBridge(eventBridgeEvent(record(1)), SOURCE);

    // Assess
    expect(summarize(items)).toEqual(['event 0 evt-1', 'end 1/0']);
    expect(items[0]).toMatchObject({ kind: 'event', source: { object: SOURCE.object, record: 0 } });
    expect(items[1]).toMatchObject({ kind: 'object-end', bytes: 0 });
  });

  it('accepts every CloudTrail detail-type, including both sign-in spellings', () => {
    for (const detailType of [
      'AWS API Call via CloudTrail',
      'AWS Console Sign In via CloudTrail',
      'AWS Console Signin via CloudTrail',
      'AWS Console Action via CloudTrail',
      'AWS Service Event via CloudTrail',
    ]) {
      expect(summarize(fromEventBridge(eventBridgeEvent(record(1), detailType), SOURCE))).toEqual([
        'event 0 evt-1',
        'end 1/0',
      ]);
    }
  });

  it('skips an event that did not come via CloudTrail', () => {
    const items = fromEventBridge(
      eventBridgeEvent({ state: 'running' }, 'EC2 Instance State-change Notification'),
      SOURCE,
    );
    expect(items).toEqual([
      {
        kind: 'skipped',
        source: SOURCE,
        reason: 'not-cloudtrail',
        detail: 'EventBridge detail-type "EC2 Instance State-change Notification"',
      },
    ]);
  });

  it('skips an Insights event', () => {
    const items = fromEventBridge(
      eventBridgeEvent(insightRecord(), 'AWS Insight via CloudTrail'),
      SOURCE,
    );
    expect(summarize(items)).toEqual(['skipped cloudtrail-insight']);
  });

  it('reports a CloudTrail event whose detail fails the schema, naming the field', () => {
    const items = fromEventBridge(eventBridgeEvent({ ...record(1), eventSource: ['iam'] }), SOURCE);
    expect(summarize(items)).toEqual(['error invalid-record @0', 'end 0/1']);
    expect(items[0]?.kind === 'error' && items[0].error.message).toContain(
      'eventSource: expected string',
    );
  });

  it('reports an event with no detail object', () => {
    const items = fromEventBridge({ ...eventBridgeEvent(null), detail: 'x' }, SOURCE);
    expect(items[0]?.kind === 'error' && items[0].error.message).toContain('detail is a string');
  });

  it('reads an array of events, counting the passed-over ones', () => {
    const items = fromEventBridge(
      [
        eventBridgeEvent(record(1)),
        eventBridgeEvent({}, 'Object Created'),
        eventBridgeEvent(record(2)),
      ],
      SOURCE,
    );
    expect(summarize(items)).toEqual(['event 0 evt-1', 'event 2 evt-2', 'end 2/0 ignored 1']);
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['a bare CloudTrail record', record(1)],
    ['a detail-type that is not a string', { 'detail-type': 7, detail: record(1) }],
  ])('reports %s as not an EventBridge event', (_name, payload) => {
    const items = fromEventBridge(payload, SOURCE);
    expect(summarize(items)).toEqual(['error invalid-record @0', 'end 0/1']);
    expect(items[0]?.kind === 'error' && items[0].error.message).toContain(
      'not an EventBridge event',
    );
  });

  it('applies the depth cap to the whole event', () => {
    const deep = JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`);
    const items = fromEventBridge(
      eventBridgeEvent(record(1, { requestParameters: { deep } })),
      SOURCE,
    );
    expect(summarize(items)).toEqual(['error too-deep @0', 'end 0/1']);
  });
});

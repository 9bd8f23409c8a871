import { describe, expect, it } from 'vitest';
import { screenEventOrigins } from '../../../infra/handlers/event-origin.js';
import { eventBridgeEvent, stopLogging } from './factories.js';

describe('screenEventOrigins', () => {
  it('accepts events of AWS sources whose envelope account is the recipient account', () => {
    // Prepare: CloudTrail delivers API calls under the calling service's source.
    const iam = { ...eventBridgeEvent(stopLogging()), source: 'aws.iam' };

    // Act
    const screened = screenEventOrigins([eventBridgeEvent(stopLogging()), iam]);

    // Assess
    expect(screened.accepted).toHaveLength(2);
    expect(screened.rejected).toEqual([]);
  });

  it('accepts an event whose record names no recipient account: nothing to compare', () => {
    const detail: Record<string, unknown> = { ...stopLogging() };
    delete detail.recipientAccountId;

    const screened = screenEventOrigins({ ...eventBridgeEvent(stopLogging()), detail });

    expect(screened.rejected).toEqual([]);
  });

  it.each([
    ['a custom source', { source: 'com.example.audit' }],
    ['a look-alike of an AWS source', { source: 'aws-cloudtrail' }],
    ['an upper-case prefix', { source: 'AWS.cloudtrail' }],
    ['no source', { source: undefined }],
    ['a source that is not a string', { source: ['aws.cloudtrail'] }],
  ])('refuses %s', (_, overrides) => {
    const screened = screenEventOrigins({ ...eventBridgeEvent(stopLogging()), ...overrides });

    expect(screened.accepted).toEqual([]);
    expect(screened.rejected.map((r) => r.reason)).toEqual(['source-not-aws']);
  });

  it('refuses what is not an event at all', () => {
    const screened = screenEventOrigins([null, 'aws.cloudtrail', 42]);

    expect(screened.accepted).toEqual([]);
    expect(screened.rejected).toHaveLength(3);
    expect(screened.rejected[0]).toEqual({
      reason: 'source-not-aws',
      source: null,
      account: null,
      recipientAccountId: null,
      id: null,
      detailType: null,
    });
  });

  it('does not take a source from the prototype chain', () => {
    const event = Object.create({ source: 'aws.cloudtrail' }) as Record<string, unknown>;
    Object.assign(event, { ...eventBridgeEvent(stopLogging()), source: undefined });
    delete event.source;

    expect(screenEventOrigins(event).rejected.map((r) => r.reason)).toEqual(['source-not-aws']);
  });

  it('refuses an AWS source whose envelope account is not the recipient account', () => {
    const event = { ...eventBridgeEvent(stopLogging()), account: '444455556666' };

    const [rejection] = screenEventOrigins(event).rejected;

    expect(rejection).toMatchObject({
      reason: 'account-mismatch',
      source: 'aws.cloudtrail',
      account: '444455556666',
      recipientAccountId: '111122223333',
    });
  });

  it('cuts long values so a 256 KB event cannot make a 256 KB log line', () => {
    const source = `com.${'x'.repeat(300_000)}`;

    const [rejection] = screenEventOrigins({ ...eventBridgeEvent(stopLogging()), source }).rejected;

    expect(rejection?.source).toHaveLength(256);
  });
});

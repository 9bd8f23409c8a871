import { describe, expect, it } from 'vitest';
import { cloudwatchLogsDeleted } from '../../../detectors/logging/cloudwatch-logs-deleted.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const logs = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  userIdentity = identities.iamUser(),
) =>
  cloudTrailEvent({
    eventSource: 'logs.amazonaws.com',
    eventName,
    requestParameters,
    userIdentity,
  });

describe('Detector: cloudwatch-logs-deleted', () => {
  it('treats seven days as short and eight as not, including string values', () => {
    const at = (days: unknown) =>
      detect(
        cloudwatchLogsDeleted,
        logs('PutRetentionPolicy', { logGroupName: '/aws/lambda/orders', retentionInDays: days }),
      );

    expect(at(7)[0]?.severity).toBe('low');
    expect(at('7')).toHaveLength(1);
    expect(at(8)).toEqual([]);
    expect(at(undefined)).toEqual([]);
  });

  it("on CloudTrail's group: high up to a week, medium up to a month, quiet above", () => {
    const at = (days: unknown) =>
      detect(
        cloudwatchLogsDeleted,
        logs('PutRetentionPolicy', { logGroupName: 'CloudTrail/org', retentionInDays: days }),
      )[0]?.severity;

    expect(at('7')).toBe('high');
    expect(at(8)).toBe('medium');
    expect(at('30')).toBe('medium');
    expect(at(31)).toBeUndefined();
  });

  it('rates a CloudFormation teardown low unless the group is CloudTrail', () => {
    const viaStack = {
      ...identities.assumedRole('Deploy', 'cfn'),
      invokedBy: 'cloudformation.amazonaws.com',
    };

    expect(
      detect(
        cloudwatchLogsDeleted,
        logs('DeleteLogGroup', { logGroupName: '/aws/lambda/orders' }, viaStack),
      )[0]?.severity,
    ).toBe('low');
    expect(
      detect(
        cloudwatchLogsDeleted,
        logs('DeleteLogGroup', { logGroupName: 'cloudtrail-org' }, viaStack),
      )[0]?.severity,
    ).toBe('high');
  });

  it('names the filter and the group in the summary', () => {
    const [finding] = detect(
      cloudwatchLogsDeleted,
      logs('DeleteSubscriptionFilter', { logGroupName: 'app', filterName: 'to-siem' }),
    );

    expect(finding?.summary).toContain('to-siem');
    expect(finding?.resources).toEqual(['app']);
  });
});

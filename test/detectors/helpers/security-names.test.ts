import { describe, expect, it } from 'vitest';
import {
  isTrailLogGroup,
  mentionsSecurityTooling,
} from '../../../detectors/helpers/security-names.js';

describe('mentionsSecurityTooling', () => {
  it.each([
    'guardduty-findings-to-sns',
    'SecurityHubFindingsRule',
    'security-hub-export',
    'CIS-3.1-UnauthorizedAPICalls',
    'cis_5_4_iam_policy_changes',
    'trailwatch-realtime',
    'CloudTrailToCWLogs',
  ])('recognises %s', (name) => {
    expect(mentionsSecurityTooling(name)).toBe(true);
  });

  it.each(['orders-api-5xx', 'precision-alarm', 'analysis-job', 'nightly-report'])(
    'leaves %s alone',
    (name) => {
      expect(mentionsSecurityTooling(name)).toBe(false);
    },
  );

  it('is false for a missing name', () => {
    expect(mentionsSecurityTooling(undefined)).toBe(false);
  });
});

describe('isTrailLogGroup', () => {
  it('matches CloudTrail in any case', () => {
    expect(isTrailLogGroup('aws-controltower/CloudTrailLogs')).toBe(true);
    expect(isTrailLogGroup('/aws/lambda/orders')).toBe(false);
  });
});

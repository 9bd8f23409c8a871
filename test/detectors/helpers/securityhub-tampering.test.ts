import { describe, expect, it } from 'vitest';
import { judgeSecurityHubCall } from '../../../detectors/helpers/securityhub-tampering.js';

describe('judgeSecurityHubCall', () => {
  it('rates turning Security Hub off high and deleting an insight low', () => {
    expect(judgeSecurityHubCall('DisableSecurityHub', null)?.severity).toBe('high');
    expect(judgeSecurityHubCall('DeleteInsight', { InsightArn: 'arn:x' })?.severity).toBe('low');
  });

  it('judges archiving by filter through the older UpdateFindings', () => {
    expect(
      judgeSecurityHubCall('UpdateFindings', { Filters: {}, RecordState: 'ARCHIVED' })?.severity,
    ).toBe('medium');
    expect(
      judgeSecurityHubCall('UpdateFindings', { Filters: {}, Note: { Text: 'x' } }),
    ).toBeUndefined();
  });

  it('ignores suppression rules created disabled', () => {
    const rule = {
      RuleStatus: 'DISABLED',
      Actions: [
        {
          Type: 'FINDING_FIELDS_UPDATE',
          FindingFieldsUpdate: { Workflow: { Status: 'SUPPRESSED' } },
        },
      ],
    };

    expect(judgeSecurityHubCall('CreateAutomationRule', rule)).toBeUndefined();
    expect(
      judgeSecurityHubCall('CreateAutomationRule', { ...rule, RuleStatus: 'ENABLED' })?.severity,
    ).toBe('medium');
  });

  it('finds suppression inside BatchUpdateAutomationRules items', () => {
    const request = {
      UpdateAutomationRulesRequestItems: [
        {
          RuleArn: 'arn:aws:securityhub:us-east-1:111122223333:automation-rule/a1b2',
          Actions: [
            {
              Type: 'FINDING_FIELDS_UPDATE',
              FindingFieldsUpdate: { Workflow: { Status: 'SUPPRESSED' } },
            },
          ],
        },
      ],
    };

    expect(judgeSecurityHubCall('BatchUpdateAutomationRules', request)?.severity).toBe('medium');
  });

  it('returns undefined for unknown calls and odd bodies', () => {
    expect(judgeSecurityHubCall('GetFindings', {})).toBeUndefined();
    expect(judgeSecurityHubCall('BatchUpdateFindings', 'x')).toBeUndefined();
    expect(judgeSecurityHubCall('UpdateStandardsControl', null)).toBeUndefined();
  });
});

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const productArn = 'arn:aws:securityhub:us-east-1::product/aws/guardduty';

function findingIds(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    Id: `arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d/finding/${i.toString(16).padStart(32, '0')}`,
    ProductArn: productArn,
  }));
}

const suppress = (count: number) =>
  cloudTrailEvent({
    eventSource: 'securityhub.amazonaws.com',
    eventName: 'BatchUpdateFindings',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      FindingIdentifiers: findingIds(count),
      Workflow: { Status: 'SUPPRESSED' },
      Note: { Text: 'known activity', UpdatedBy: 'mallory' },
    },
    responseElements: { ProcessedFindings: findingIds(count), UnprocessedFindings: [] },
  });

const disable = cloudTrailEvent({
  eventSource: 'securityhub.amazonaws.com',
  eventName: 'DisableSecurityHub',
  requestParameters: null,
  responseElements: null,
});

const suppressionRule = cloudTrailEvent({
  eventSource: 'securityhub.amazonaws.com',
  eventName: 'CreateAutomationRule',
  requestParameters: {
    RuleName: 'quiet-guardduty',
    RuleOrder: 1,
    RuleStatus: 'ENABLED',
    Description: 'Suppress GuardDuty findings',
    Criteria: { ProductName: [{ Value: 'GuardDuty', Comparison: 'EQUALS' }] },
    Actions: [
      {
        Type: 'FINDING_FIELDS_UPDATE',
        FindingFieldsUpdate: { Workflow: { Status: 'SUPPRESSED' } },
      },
    ],
  },
});

const disableControl = cloudTrailEvent({
  eventSource: 'securityhub.amazonaws.com',
  eventName: 'UpdateStandardsControl',
  requestParameters: {
    StandardsControlArn:
      'arn:aws:securityhub:us-east-1:111122223333:control/cis-aws-foundations-benchmark/v/1.2.0/3.1',
    ControlStatus: 'DISABLED',
    DisabledReason: 'Covered by a different alarm',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'Security Hub is disabled', events: [disable] },
    { name: 'twenty findings are suppressed in one call', events: [suppress(20)] },
    { name: 'an automation rule suppresses GuardDuty findings', events: [suppressionRule] },
    { name: 'a CIS control is disabled', events: [disableControl] },
    {
      name: 'a denied DisableSecurityHub (an attempt)',
      events: [failed(disable, 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'an analyst suppresses two findings while triaging', events: [suppress(2)] },
    {
      name: 'findings are marked resolved',
      events: [
        {
          ...suppress(20),
          requestParameters: {
            FindingIdentifiers: findingIds(20),
            Workflow: { Status: 'RESOLVED' },
          },
        },
      ],
    },
    {
      name: 'a disabled control is enabled again',
      events: [
        {
          ...disableControl,
          requestParameters: {
            StandardsControlArn:
              'arn:aws:securityhub:us-east-1:111122223333:control/cis-aws-foundations-benchmark/v/1.2.0/3.1',
            ControlStatus: 'ENABLED',
          },
        },
      ],
    },
    {
      name: 'an automation rule that only raises severity',
      events: [
        {
          ...suppressionRule,
          requestParameters: {
            RuleName: 'raise-root',
            RuleStatus: 'ENABLED',
            Actions: [
              {
                Type: 'FINDING_FIELDS_UPDATE',
                FindingFieldsUpdate: { Severity: { Label: 'CRITICAL' } },
              },
            ],
          },
        },
      ],
    },
    {
      name: 'DisableSecurityHub where it is not enabled',
      events: [
        failed(
          disable,
          'InvalidAccessException',
          'Account 111122223333 is not subscribed to AWS Security Hub',
        ),
      ],
    },
    {
      name: 'a denied suppression of two findings (triage-sized)',
      events: [failed(suppress(2), 'AccessDeniedException')],
    },
  ],
};

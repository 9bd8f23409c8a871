import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { securityhubCall } from './securityhub-organization-coverage-reduced.examples.js';

const criteria = {
  OcsfFindingCriteria: {
    CompositeFilters: [
      {
        StringFilters: [
          {
            FieldName: 'metadata.product.name',
            Filter: { Value: 'GuardDuty', Comparison: 'EQUALS' },
          },
        ],
      },
    ],
    CompositeOperator: 'AND',
  },
};

const suppressingRule = securityhubCall(
  'CreateAutomationRuleV2',
  {
    RuleName: 'quiet-guardduty',
    RuleStatus: 'ENABLED',
    RuleOrder: 1,
    Description: 'noise',
    Criteria: criteria,
    Actions: [
      { Type: 'FINDING_FIELDS_UPDATE', FindingFieldsUpdate: { StatusId: 3, Comment: 'noise' } },
    ],
  },
  {
    RuleArn:
      'arn:aws:securityhub:us-east-1:111122223333:automation-rulev2/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    RuleId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  },
);

const bulk = (n: number, statusId: number) =>
  securityhubCall('BatchUpdateFindingsV2', {
    MetadataUids: Array.from(
      { length: n },
      (_, i) => `arn:aws:guardduty:us-east-1:111122223333:detector/x/finding/${i}`,
    ),
    StatusId: statusId,
    Comment: 'done',
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'an automation rule suppresses GuardDuty findings', events: [suppressingRule] },
    { name: 'twenty findings suppressed in one call (high)', events: [bulk(20, 3)] },
    {
      name: 'a denied suppression rule (an attempt)',
      events: [failed(suppressingRule, 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'two findings suppressed while triaging', events: [bulk(2, 3)] },
    { name: 'twenty findings resolved', events: [bulk(20, 4)] },
    {
      name: 'a rule that only raises severity',
      events: [
        securityhubCall('CreateAutomationRuleV2', {
          RuleName: 'raise-root',
          RuleStatus: 'ENABLED',
          RuleOrder: 2,
          Criteria: criteria,
          Actions: [{ Type: 'FINDING_FIELDS_UPDATE', FindingFieldsUpdate: { SeverityId: 5 } }],
        }),
      ],
    },
    {
      name: 'the rule limit is reached',
      events: [failed(suppressingRule, 'LimitExceededException')],
    },
  ],
};

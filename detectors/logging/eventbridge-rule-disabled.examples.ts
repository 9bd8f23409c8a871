import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const disableFindingsRule = cloudTrailEvent({
  eventSource: 'events.amazonaws.com',
  eventName: 'DisableRule',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { name: 'guardduty-findings-to-sns' },
  responseElements: null,
});

const removeTargets = cloudTrailEvent({
  eventSource: 'events.amazonaws.com',
  eventName: 'RemoveTargets',
  requestParameters: { rule: 'nightly-report', ids: ['report-lambda'] },
  responseElements: { failedEntryCount: 0, failedEntries: [] },
});

/** Step Functions removing the managed rule it created, through its service-linked role. */
const managedRule = cloudTrailEvent({
  eventSource: 'events.amazonaws.com',
  eventName: 'DeleteRule',
  userIdentity: {
    ...identities.assumedRole('AWSServiceRoleForStepFunctions', 'states'),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROASTEPFUNCTIONS',
        arn: 'arn:aws:iam::111122223333:role/aws-service-role/states.amazonaws.com/AWSServiceRoleForStepFunctions',
        accountId: '111122223333',
        userName: 'AWSServiceRoleForStepFunctions',
      },
    },
  },
  requestParameters: {
    name: 'StepFunctionsGetEventsForStepFunctionsExecutionRule',
    force: true,
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the GuardDuty findings rule is disabled (high)', events: [disableFindingsRule] },
    { name: 'targets are removed from an ordinary rule (low)', events: [removeTargets] },
    {
      name: 'a denied DisableRule (an attempt)',
      events: [failed(disableFindingsRule, 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'a service removes its managed rule', events: [managedRule] },
    {
      name: 'DisableRule of a rule that does not exist',
      events: [failed(disableFindingsRule, 'ResourceNotFoundException')],
    },
    {
      name: 'a denied EnableRule',
      events: [
        failed({ ...disableFindingsRule, eventName: 'EnableRule' }, 'AccessDeniedException'),
      ],
    },
    {
      name: 'a rule is enabled',
      events: [{ ...disableFindingsRule, eventName: 'EnableRule' }],
    },
  ],
};

import {
  ACCOUNT,
  cloudTrailEvent,
  failed,
  identities,
  OTHER_ACCOUNT,
} from '../detectors/examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../detectors/types.js';

/** AssumeRole as STS logs it: the role in the request, the new session in the response. */
const assumeRole = (role: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    readOnly: true,
    requestParameters: {
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      roleSessionName: 'alice',
      durationSeconds: 3600,
    },
    responseElements: {
      credentials: {
        accessKeyId: 'ASIAEXAMPLEBREAKGLASS',
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        expiration: 'Nov 20, 2026, 11:00:00 AM',
      },
      assumedRoleUser: {
        assumedRoleId: 'AROAEXAMPLEBREAKGLASS:alice',
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/alice`,
      },
    },
    resources: [
      { accountId: ACCOUNT, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${ACCOUNT}:role/${role}` },
    ],
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user assumes BreakGlassAdmin', events: [assumeRole('BreakGlassAdmin')] },
    {
      name: 'another account assumes the emergency role',
      events: [
        assumeRole('emergency-access', { userIdentity: identities.awsAccount(OTHER_ACCOUNT) }),
      ],
    },
  ],
  noFire: [
    { name: 'an ordinary read-only role', events: [assumeRole('ReadOnly')] },
    {
      name: 'a role whose name merely contains break-glass',
      events: [assumeRole('BreakGlassAdmin-audit-reader')],
    },
    {
      name: 'assumption refused by the trust policy',
      events: [failed(assumeRole('BreakGlassAdmin'))],
    },
  ],
};

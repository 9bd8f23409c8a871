import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** Shape from the IAM User Guide's "Track privileged tasks in CloudTrail". */
const assumeRoot = cloudTrailEvent({
  eventSource: 'sts.amazonaws.com',
  eventName: 'AssumeRoot',
  awsRegion: 'us-west-2',
  userIdentity: identities.assumedRole('OrgAdmin', 'alice'),
  requestParameters: {
    targetPrincipal: OTHER_ACCOUNT,
    taskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword' },
  },
  responseElements: {
    credentials: {
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      sessionToken: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      expiration: 'Nov 20, 2026, 10:15:00 AM',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'root session to recreate a member root password', events: [assumeRoot] }],
  noFire: [
    { name: 'failed AssumeRoot', events: [failed(assumeRoot)] },
    {
      name: 'ordinary role assumption',
      events: [
        cloudTrailEvent({
          eventSource: 'sts.amazonaws.com',
          eventName: 'AssumeRole',
          requestParameters: {
            roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/OrganizationAccountAccessRole`,
            roleSessionName: 'alice',
          },
        }),
      ],
    },
  ],
};

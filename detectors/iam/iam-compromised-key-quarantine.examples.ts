import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** AWS attaches the policy itself, from inside AWS, in the name of the exposed key's user. */
const quarantine = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'AttachUserPolicy',
  userIdentity: identities.iamUser('ci-deployer'),
  sourceIPAddress: 'AWS Internal',
  userAgent: 'AWS Internal',
  requestParameters: {
    userName: 'ci-deployer',
    policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'quarantine policy V3 attached', events: [quarantine] },
    {
      name: 'legacy inline exposed-credential policy',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'PutUserPolicy',
          userIdentity: identities.iamUser('ci-deployer'),
          sourceIPAddress: 'AWS Internal',
          requestParameters: {
            userName: 'ci-deployer',
            policyName: 'AWSExposedCredentialPolicy_DO_NOT_REMOVE',
            policyDocument:
              '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["iam:CreateAccessKey"],"Resource":["*"]}]}',
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'an ordinary managed policy attached',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'AttachUserPolicy',
          requestParameters: {
            userName: 'ci-deployer',
            policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        }),
      ],
    },
    {
      name: 'a customer policy merely named like the quarantine one',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'AttachUserPolicy',
          requestParameters: {
            userName: 'ci-deployer',
            policyArn: `arn:aws:iam::${ACCOUNT}:policy/AWSCompromisedKeyQuarantineV2`,
          },
        }),
      ],
    },
    { name: 'failed attach', events: [failed(quarantine)] },
  ],
};

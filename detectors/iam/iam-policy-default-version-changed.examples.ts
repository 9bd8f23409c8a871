import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const POLICY = `arn:aws:iam::${ACCOUNT}:policy/deploy-permissions`;

const setDefault = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'SetDefaultPolicyVersion',
  requestParameters: { policyArn: POLICY, versionId: 'v1' },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'default version rolled back to v1', events: [setDefault] }],
  noFire: [
    { name: 'failed switch', events: [failed(setDefault)] },
    {
      name: 'new version created as default (judged by other detectors)',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreatePolicyVersion',
          requestParameters: {
            policyArn: POLICY,
            policyDocument: '{"Version":"2012-10-17","Statement":[]}',
            setAsDefault: true,
          },
        }),
      ],
    },
  ],
};

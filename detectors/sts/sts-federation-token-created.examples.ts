import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** As CloudTrail logs it: the inline session policy is a JSON string. */
const getFederationToken = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetFederationToken',
    readOnly: true,
    requestParameters,
    responseElements: {
      credentials: {
        accessKeyId: 'ASIAEXAMPLEFEDERATED',
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        expiration: 'Nov 20, 2026, 10:00:00 PM',
      },
      federatedUser: {
        federatedUserId: `${ACCOUNT}:${String(requestParameters.name)}`,
        arn: `arn:aws:sts::${ACCOUNT}:federated-user/${String(requestParameters.name)}`,
      },
      packedPolicySize: 6,
    },
  });

const adminSession = getFederationToken({
  name: 'admin',
  durationSeconds: 129600,
  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'federation token with an Allow * session policy', events: [adminSession] },
    {
      name: 'federation token scoped to one bucket (medium)',
      events: [
        getFederationToken({
          name: 'uploader',
          policy:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::uploads/*"}]}',
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed call (MFA-less or role caller)', events: [failed(adminSession)] },
    {
      name: 'session token for MFA (another STS call)',
      events: [
        cloudTrailEvent({
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetSessionToken',
          readOnly: true,
          requestParameters: { durationSeconds: 3600 },
        }),
      ],
    },
  ],
};

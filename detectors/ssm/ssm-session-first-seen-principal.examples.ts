import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** StartSession as SSM logs it: the target instance in the request, the token hidden in the response. */
const startSession = cloudTrailEvent({
  eventSource: 'ssm.amazonaws.com',
  eventName: 'StartSession',
  userIdentity: identities.ssoUser('ana@example.com'),
  requestParameters: { target: 'i-0aaa1111bbbb22220' },
  responseElements: {
    sessionId: 'ana@example.com-0a1b2c3d4e5f67890',
    tokenValue: 'Value hidden due to security reasons.',
    streamUrl:
      'wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/ana@example.com-0a1b2c3d4e5f67890',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'interactive session (first-seen state decides)', events: [startSession] },
    {
      name: 'tunnel through an instance to a database',
      events: [
        {
          ...startSession,
          userIdentity: identities.iamUser('contractor'),
          requestParameters: {
            target: 'i-0aaa1111bbbb22220',
            documentName: 'AWS-StartPortForwardingSessionToRemoteHost',
            parameters: {
              host: ['db.cluster-abc.eu-west-1.rds.amazonaws.com'],
              portNumber: ['5432'],
            },
          },
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed session start', events: [failed(startSession)] },
    {
      name: 'session resumed, not started',
      events: [{ ...startSession, eventName: 'ResumeSession' }],
    },
  ],
};

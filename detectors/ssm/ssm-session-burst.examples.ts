import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** StartSession as SSM logs it: the target in the request, the token hidden in the response. */
const startSession = (target: string) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'StartSession',
    userIdentity: identities.iamUser('contractor'),
    requestParameters: { target },
    responseElements: {
      sessionId: `contractor-0a1b2c3d4e5f6${target.slice(-4)}`,
      tokenValue: 'Value hidden due to security reasons.',
      streamUrl: `wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/contractor-0a1b2c3d4e5f6${target.slice(-4)}`,
    },
  });

const fleet = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `i-0aaa1111bbbb2${String(i).padStart(4, '0')}`);

const sessions = (targets: readonly string[]) => targets.map((t) => startSession(t));

export const examples: DetectorExamples = {
  fire: [
    { name: 'shells on five instances in a row', events: sessions(fleet(5)) },
    {
      name: 'managed nodes and instances mixed',
      events: sessions([...fleet(3), 'mi-0123456789abcdef0', 'mi-0123456789abcdef1']),
    },
  ],
  noFire: [
    {
      name: 'the same instance five times',
      events: sessions([
        'i-0aaa1111bbbb20000',
        'i-0aaa1111bbbb20000',
        'i-0aaa1111bbbb20000',
        'i-0aaa1111bbbb20000',
        'i-0aaa1111bbbb20000',
      ]),
    },
    { name: 'four instances', events: sessions(fleet(4)) },
    { name: 'refused sessions', events: sessions(fleet(5)).map((e) => failed(e)) },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** GetParameter as CloudTrail logs it (the value itself is never logged). */
const getParameter = (
  name: string,
  withDecryption = true,
  userIdentity = identities.iamUser('mallory'),
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'GetParameter',
    readOnly: true,
    userIdentity,
    requestParameters: { name, withDecryption },
  });

const sweep = (withDecryption = true) =>
  Array.from({ length: 30 }, (_, i) =>
    getParameter(`/prod/service-${i}/db-password`, withDecryption),
  );

export const examples: DetectorExamples = {
  fire: [{ name: '30 SecureStrings decrypted by one user key', events: sweep() }],
  noFire: [
    { name: '30 plain reads without decryption', events: sweep(false) },
    {
      name: 'a service re-reading its three parameters all day',
      events: Array.from({ length: 120 }, (_, i) =>
        getParameter(
          `/prod/orders/${['db-password', 'api-key', 'signing-key'][i % 3]}`,
          true,
          identities.assumedRole('orders-task', 'ecs-task-7f1c'),
        ),
      ),
    },
    { name: '30 denied decryptions', events: sweep().map((e) => failed(e)) },
  ],
};

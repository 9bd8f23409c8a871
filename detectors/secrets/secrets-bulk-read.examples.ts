import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** GetSecretValue as CloudTrail logs it: the secret id in, never the value out. */
const read = (secretId: string, userIdentity = identities.iamUser('mallory')): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    readOnly: true,
    userIdentity,
    requestParameters: { secretId },
    responseElements: null,
  });

const harvest = Array.from({ length: 22 }, (_, i) =>
  read(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/service-${i}/db-a1B2c3`),
);

const app = identities.assumedRole('orders-api', 'i-0abc1234');

export const examples: DetectorExamples = {
  fire: [{ name: '22 different secrets read by one user', events: harvest }],
  noFire: [
    {
      name: 'an application reading its one secret 200 times, by name and by ARN',
      events: Array.from({ length: 200 }, (_, i) =>
        read(
          i % 2 === 0
            ? 'prod/orders/db'
            : `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/orders/db-Xy12Zq`,
          app,
        ),
      ),
    },
    {
      name: 'CloudFormation resolving 22 dynamic references for a deployer',
      events: harvest.map((e) => ({
        ...e,
        userIdentity: {
          ...identities.iamUser('deployer'),
          invokedBy: 'cloudformation.amazonaws.com',
        },
      })),
    },
    { name: '22 denied reads', events: harvest.map((e) => failed(e)) },
  ],
};

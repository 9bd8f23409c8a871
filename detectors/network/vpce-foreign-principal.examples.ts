import { identities } from '../examples/events.js';
import { deniedAtEndpoint, outsideCaller, vpceEvent } from '../examples/vpce-events.js';
import type { DetectorExamples } from '../types.js';

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'outside keys write to S3 through the endpoint (high)',
      events: [vpceEvent({ userIdentity: outsideCaller() })],
    },
    {
      name: 'outside keys refused by the endpoint policy (medium)',
      events: [
        deniedAtEndpoint(
          vpceEvent({
            eventSource: 'kms.amazonaws.com',
            eventName: 'ListKeys',
            userIdentity: outsideCaller('777788889999'),
          }),
        ),
      ],
    },
    {
      name: 'an outside role session named by ARN',
      events: [
        vpceEvent({
          userIdentity: {
            type: 'AssumedRole',
            principalId: 'AROAOTHER:exfil',
            arn: 'arn:aws:sts::777788889999:assumed-role/Collector/exfil',
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the endpoint owner calling',
      events: [
        vpceEvent({ userIdentity: identities.assumedRole('OrdersApp', 'i-0aaa1111bbbb22220') }),
      ],
    },
    {
      name: 'a trusted organisation account',
      events: [vpceEvent({ userIdentity: outsideCaller() })],
      settings: { trustedAccounts: ['444455556666'] },
    },
    {
      name: 'an ordinary management event by another account',
      events: [
        {
          ...vpceEvent({ userIdentity: outsideCaller() }),
          eventType: 'AwsApiCall',
          eventCategory: 'Management',
        },
      ],
    },
  ],
};

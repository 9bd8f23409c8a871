import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** Subscribe as SNS logs it: the endpoint in the request, a pending subscription in the response. */
const subscribe = (
  topic: string,
  protocol: string,
  endpoint: string,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'sns.amazonaws.com',
    eventName: 'Subscribe',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:${topic}`,
      protocol,
      endpoint,
      returnSubscriptionArn: false,
    },
    responseElements: { subscriptionArn: 'pending confirmation' },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a mailbox subscribed to the GuardDuty findings topic (medium)',
      events: [subscribe('guardduty-findings', 'email', 'collector@example.net')],
    },
    {
      name: 'an outside HTTPS receiver on an orders topic (low)',
      events: [subscribe('order-events', 'https', 'https://hooks.example.net/in?t=1')],
    },
    {
      name: 'an SQS queue of an unknown account',
      events: [subscribe('order-events', 'sqs', `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:drain`)],
    },
    {
      name: 'a principal of another account subscribing by SMS',
      events: [
        subscribe('payments-settled', 'sms', '+15555550100', {
          userIdentity: {
            ...identities.assumedRole('Partner', 'sync'),
            accountId: OTHER_ACCOUNT,
            arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Partner/sync`,
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'an own SQS queue',
      events: [subscribe('order-events', 'sqs', `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-worker`)],
    },
    {
      name: 'an API Gateway endpoint',
      events: [
        subscribe(
          'order-events',
          'https',
          'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/sns',
        ),
      ],
    },
    {
      name: 'a queue in a trusted account',
      events: [subscribe('order-events', 'sqs', `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:drain`)],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'refused',
      events: [
        failed(
          subscribe('guardduty-findings', 'email', 'collector@example.net'),
          'AuthorizationError',
        ),
      ],
    },
  ],
};

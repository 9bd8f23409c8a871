import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A denied read, as a freshly stolen key probing Secrets Manager gets it. */
function denied(
  n: number,
  errorCode = 'AccessDeniedException',
  overrides: Partial<CloudTrailEvent> = {},
) {
  return failed(
    cloudTrailEvent({
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'ListSecrets',
      eventTime: `2026-11-20T10:0${Math.floor(n / 10)}:${String((n % 10) * 5).padStart(2, '0')}Z`,
      readOnly: true,
      ...overrides,
    }),
    errorCode,
    'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: secretsmanager:ListSecrets',
  );
}

const burst = (count: number, errorCode?: string, overrides: Partial<CloudTrailEvent> = {}) =>
  Array.from({ length: count }, (_, i) => denied(i, errorCode, overrides));

export const examples: DetectorExamples = {
  fire: [
    { name: 'twenty denials for one IAM user within ten minutes', events: burst(20) },
    {
      name: 'an assumed role denied across EC2 and S3 under several session names',
      events: burst(22, 'Client.UnauthorizedOperation', {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'DescribeInstances',
      }).map((e, i) => ({ ...e, userIdentity: identities.assumedRole('Ops', `session-${i % 3}`) })),
    },
  ],
  noFire: [
    { name: 'nineteen denials stay under the threshold', events: burst(19) },
    { name: 'twenty throttled calls are not denials', events: burst(20, 'ThrottlingException') },
    {
      name: 'twenty denials of an AWS service principal',
      events: burst(20, 'AccessDenied', {
        userIdentity: identities.awsService('config.amazonaws.com'),
      }),
    },
  ],
};

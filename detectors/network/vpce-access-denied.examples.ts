import { failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import { deniedAtEndpoint, outsideCaller, vpceEvent } from '../examples/vpce-events.js';
import type { DetectorExamples } from '../types.js';

const workload = identities.assumedRole('OrdersApp', 'i-0aaa1111bbbb22220');

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an application role refused a PutObject by the S3 endpoint policy',
      events: [deniedAtEndpoint(vpceEvent({ userIdentity: workload }))],
    },
    {
      name: 'a trusted organisation account refused a KMS call',
      events: [
        deniedAtEndpoint(
          vpceEvent({
            eventSource: 'kms.amazonaws.com',
            eventName: 'Decrypt',
            userIdentity: outsideCaller(),
          }),
        ),
      ],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
  ],
  noFire: [
    {
      name: 'an allowed call through the endpoint',
      events: [vpceEvent({ userIdentity: workload })],
    },
    {
      name: 'an ordinary access denial, not at the endpoint',
      events: [failed(vpceEvent({ userIdentity: workload }), 'AccessDenied')],
    },
    {
      name: 'a management event with the same error code but no network activity type',
      events: [
        { ...deniedAtEndpoint(vpceEvent({ userIdentity: workload })), eventType: 'AwsApiCall' },
      ],
    },
    {
      name: 'an outside account refused (vpce-foreign-principal reports it)',
      events: [deniedAtEndpoint(vpceEvent({ userIdentity: outsideCaller() }))],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** Root creating an access key for itself: requestParameters are null for root's own key. */
export const rootCall = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    userIdentity: identities.root(),
    requestParameters: null,
    responseElements: {
      accessKey: {
        accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
        status: 'Active',
        createDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

/** Root signing in to the console with its password; a failure carries CloudTrail's errorMessage. */
export const rootConsoleLogin = (result: 'Success' | 'Failure') =>
  rootCall({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    userIdentity: { ...identities.root(), accessKeyId: '' },
    sourceIPAddress: '192.0.2.44',
    responseElements: { ConsoleLogin: result },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
    ...(result === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
  });

const rootSignedIn = rootConsoleLogin('Success');

export const examples: DetectorExamples = {
  fire: [
    { name: 'root creates an access key for itself', events: [rootCall()] },
    { name: 'root signs in to the console', events: [rootSignedIn] },
    { name: 'root call refused by an SCP', events: [failed(rootCall())] },
  ],
  noFire: [
    {
      name: 'a service acting for root (invokedBy)',
      events: [rootCall({ userIdentity: { ...identities.root(), invokedBy: 'AWS Internal' } })],
    },
    {
      name: 'service event attributed to root',
      events: [
        rootCall({
          eventSource: 'quicksight.amazonaws.com',
          eventName: 'BatchCreateUser',
          eventType: 'AwsServiceEvent',
          serviceEventDetails: { eventRequestDetails: { users: {} } },
        }),
      ],
    },
    {
      name: 'an administrator role making the same call',
      events: [rootCall({ userIdentity: identities.assumedRole('Admin', 'alice') })],
    },
  ],
};

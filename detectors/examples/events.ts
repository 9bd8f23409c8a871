import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';

/**
 * Builders for CloudTrail records shaped as AWS documents them
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 * Detector examples and tests start from these and override only what the case is about.
 * Not imported by detectors themselves, so never part of a Lambda bundle.
 */

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

type Identity = NonNullable<CloudTrailEvent['userIdentity']>;

/** One `userIdentity` per type CloudTrail emits. */
export const identities = {
  iamUser: (userName = 'alice'): Identity => ({
    type: 'IAMUser',
    principalId: 'AIDAJ45Q7YFFAREXAMPLE',
    arn: `arn:aws:iam::${ACCOUNT}:user/${userName}`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    userName,
  }),
  root: (): Identity => ({
    type: 'Root',
    principalId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  }),
  assumedRole: (role = 'Admin', session = 'alice', mfa = 'true'): Identity => ({
    type: 'AssumedRole',
    principalId: `AROAEXAMPLEID:${session}`,
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${session}`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAEXAMPLEKEY',
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAEXAMPLEID',
        arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        accountId: ACCOUNT,
        userName: role,
      },
      attributes: { creationDate: '2026-11-20T09:00:00Z', mfaAuthenticated: mfa },
    },
  }),
  ssoUser: (user = 'bob@example.com'): Identity =>
    identities.assumedRole('AWSReservedSSO_AdministratorAccess_0123456789abcdef', user, 'false'),
  federatedUser: (): Identity => ({
    type: 'FederatedUser',
    principalId: `${ACCOUNT}:carol`,
    arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAFEDERATEDKEY',
    sessionContext: {
      sessionIssuer: {
        type: 'IAMUser',
        principalId: 'AIDAFEDERATOR',
        arn: `arn:aws:iam::${ACCOUNT}:user/federator`,
        accountId: ACCOUNT,
        userName: 'federator',
      },
      attributes: { creationDate: '2026-11-20T09:00:00Z', mfaAuthenticated: 'false' },
    },
  }),
  awsService: (service = 'cloudformation.amazonaws.com'): Identity => ({
    type: 'AWSService',
    invokedBy: service,
  }),
  samlUser: (): Identity => ({
    type: 'SAMLUser',
    principalId: 'SAMLSubject:dave',
    userName: 'dave',
    identityProvider: 'bdGOnTesti4+xl2Jnvq96M7EXAMPLE=',
  }),
  webIdentityUser: (): Identity => ({
    type: 'WebIdentityUser',
    principalId: 'accounts.google.com:application-id.apps.googleusercontent.com:user-id',
    userName: 'user-id',
    identityProvider: 'accounts.google.com',
  }),
  awsAccount: (account = OTHER_ACCOUNT): Identity => ({
    type: 'AWSAccount',
    principalId: `AROAOTHER:session`,
    accountId: account,
    accessKeyId: 'ASIAOTHERACCOUNT',
  }),
  identityCenterUser: (): Identity => ({
    type: 'IdentityCenterUser',
    accountId: ACCOUNT,
    onBehalfOf: {
      userId: '544894e8-80c1-707f-60e3-3ba6510dfac1',
      identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7',
    },
    credentialId: 'EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE',
  }),
} as const;

let counter = 0;

/** A successful management event by an IAM user, with a fresh eventID. */
export function cloudTrailEvent(overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  counter += 1;
  return {
    eventVersion: '1.09',
    userIdentity: identities.iamUser(),
    eventTime: '2026-11-20T10:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.17.0 Python/3.12.4 Linux/6.1 exe/x86_64',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${counter}`,
    eventID: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...overrides,
  };
}

/** The same event as a failed call. */
export function failed(
  event: CloudTrailEvent,
  errorCode = 'AccessDenied',
  errorMessage = 'User is not authorized to perform this operation',
): CloudTrailEvent {
  return { ...event, errorCode, errorMessage, responseElements: null };
}

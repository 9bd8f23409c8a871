import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from './events.js';

/**
 * Network activity events as CloudTrail documents them: no user agent, request or
 * response, `eventType: AwsVpceEvent`, the endpoint and its owner's account.
 * For examples and tests only.
 */
export function vpceEvent(overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  const {
    userAgent: _agent,
    requestParameters: _request,
    responseElements: _response,
    readOnly: _readOnly,
    managementEvent: _management,
    ...base
  } = cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutObject',
    sourceIPAddress: '10.0.141.54',
    eventType: 'AwsVpceEvent',
    eventCategory: 'NetworkActivity',
    sharedEventID: '702f74c4-f692-4bfd-8491-0a1b2c3d4e5f',
    vpcEndpointId: 'vpce-0a1b2c3d4e5f67890',
    vpcEndpointAccountId: ACCOUNT,
    ...overrides,
  });
  return base;
}

/** The redacted identity CloudTrail shows the endpoint owner for a caller of another account. */
export const outsideCaller = (account = OTHER_ACCOUNT): CloudTrailEvent['userIdentity'] => ({
  type: 'AWSAccount',
  principalId: 'AKIAI44QH8DHBEXAMPLE',
  accountId: account,
});

/** The error AWS writes when the endpoint policy refused the call. */
export function deniedAtEndpoint(event: CloudTrailEvent): CloudTrailEvent {
  return {
    ...event,
    errorCode: 'VpceAccessDenied',
    errorMessage: 'The request was denied due to a VPC endpoint policy',
  };
}

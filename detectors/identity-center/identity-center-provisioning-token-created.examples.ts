import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * SCIM set-up calls are console operations whose bodies AWS does not document;
 * the examples carry the directory id only and the detector judges by name.
 */
export const scimCall = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sso-directory.amazonaws.com',
    eventName,
    userIdentity: identities.ssoUser('mallory@example.com'),
    requestParameters: { directoryId: 'd-9067642ac7' },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'new SCIM access token', events: [scimCall('CreateBearerToken')] },
    { name: 'automatic provisioning turned on', events: [scimCall('CreateProvisioningTenant')] },
    {
      name: 'refused attempt',
      events: [failed(scimCall('CreateBearerToken'), 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'old token deleted', events: [scimCall('DeleteBearerToken')] },
    {
      name: 'token quota reached',
      events: [failed(scimCall('CreateBearerToken'), 'ServiceQuotaExceededException')],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * Directory console operations: AWS does not document their request bodies;
 * the examples carry the user's id only and the detector judges by name.
 */
export const directoryUserCall = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sso-directory.amazonaws.com',
    eventName,
    userIdentity: identities.ssoUser('mallory@example.com'),
    requestParameters: { userId: '906722b0-4061-7062-4a8b-0e6f5EXAMPLE' },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'password reset for a directory user', events: [directoryUserCall('UpdatePassword')] },
    { name: 'a user’s MFA device deleted', events: [directoryUserCall('DeleteMfaDeviceForUser')] },
    {
      name: 'refused attempt',
      events: [failed(directoryUserCall('UpdatePassword'), 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'listing a user’s MFA devices',
      events: [directoryUserCall('ListMfaDevicesForUser', { readOnly: true })],
    },
    {
      name: 'no such user',
      events: [failed(directoryUserCall('UpdatePassword'), 'ResourceNotFoundException')],
    },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const STORE = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;

/** A CloudTrail Lake call naming the store by ARN. */
export const storeCall = (
  eventName: string,
  request: Record<string, unknown> = {},
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { eventDataStore: STORE, ...request },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'ingestion stopped (high)', events: [storeCall('StopEventDataStoreIngestion')] },
    { name: 'the store deleted (high)', events: [storeCall('DeleteEventDataStore')] },
    {
      name: 'termination protection off and retention cut to a week (medium)',
      events: [
        storeCall('UpdateEventDataStore', {
          terminationProtectionEnabled: false,
          retentionPeriod: 7,
        }),
      ],
    },
    {
      name: 'a denied stop (an attempt)',
      events: [failed(storeCall('StopEventDataStoreIngestion'), 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'ingestion started', events: [storeCall('StartEventDataStoreIngestion')] },
    {
      name: 'retention extended to ten years',
      events: [storeCall('UpdateEventDataStore', { retentionPeriod: 3653 })],
    },
    {
      name: 'termination protection still on',
      events: [
        failed(storeCall('DeleteEventDataStore'), 'EventDataStoreTerminationProtectedException'),
      ],
    },
  ],
};

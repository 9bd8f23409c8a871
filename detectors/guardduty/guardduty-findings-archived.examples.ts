import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

export const DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';

/** A GuardDuty call with the request given and no response body. */
export const guarddutyCall = (
  eventName: string,
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'guardduty.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { detectorId: DETECTOR_ID, ...request },
    responseElements: null,
    ...overrides,
  });

const findingIds = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `5ec2b4f3a2c1d0e9f8a7b6c5d4e3f2${String(i).padStart(2, '0')}`,
  );

const archive = (n: number) => guarddutyCall('ArchiveFindings', { findingIds: findingIds(n) });

export const examples: DetectorExamples = {
  fire: [
    { name: 'twelve findings archived in one call (high)', events: [archive(12)] },
    { name: 'one finding archived (medium)', events: [archive(1)] },
    {
      name: 'a denied archive (an attempt)',
      events: [failed(archive(12), 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'findings unarchived', events: [{ ...archive(3), eventName: 'UnarchiveFindings' }] },
    {
      name: 'the detector does not exist',
      events: [
        failed(
          archive(3),
          'BadRequestException',
          'The request is rejected because the input detectorId is not owned by the current account.',
        ),
      ],
    },
  ],
};

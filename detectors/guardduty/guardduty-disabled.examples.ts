import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const detectorId = '12abc34d567e8fa901bc2d34e56789f0';

const suspend = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'UpdateDetector',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { detectorId, enable: false },
  responseElements: null,
});

const deleteDetector = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'DeleteDetector',
  requestParameters: { detectorId },
});

const featureOff = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'UpdateDetector',
  requestParameters: {
    detectorId,
    features: [
      { name: 'S3_DATA_EVENTS', status: 'DISABLED' },
      { name: 'EKS_AUDIT_LOGS', status: 'ENABLED' },
    ],
  },
});

const leaveAdmin = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'DisassociateFromAdministratorAccount',
  requestParameters: { detectorId },
});

const stopMonitoring = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'StopMonitoringMembers',
  requestParameters: { detectorId, accountIds: ['444455556666'] },
  responseElements: { unprocessedAccounts: [] },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the detector is suspended', events: [suspend] },
    { name: 'the detector is deleted', events: [deleteDetector] },
    { name: 'S3 protection is turned off (medium)', events: [featureOff] },
    { name: 'a member leaves its administrator', events: [leaveAdmin] },
    { name: 'the administrator stops monitoring a member', events: [stopMonitoring] },
    {
      name: 'a denied DeleteDetector (an attempt)',
      events: [failed(deleteDetector, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'the finding publishing frequency changes',
      events: [
        {
          ...suspend,
          requestParameters: { detectorId, findingPublishingFrequency: 'FIFTEEN_MINUTES' },
        },
      ],
    },
    {
      name: 'the detector is re-enabled',
      events: [{ ...suspend, requestParameters: { detectorId, enable: true } }],
    },
    {
      name: 'DeleteDetector of a detector that does not exist',
      events: [
        failed(
          deleteDetector,
          'BadRequestException',
          'The request is rejected because the input detectorId is not owned by the current account.',
        ),
      ],
    },
    {
      name: 'an UpdateDetector with requestParameters null',
      events: [{ ...suspend, requestParameters: null }],
    },
  ],
};

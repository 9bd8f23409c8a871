import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`;

const createTrail = cloudTrailEvent({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'CreateTrail',
  userIdentity: identities.assumedRole('Deploy', 'terraform'),
  requestParameters: {
    name: 'management-events',
    s3BucketName: 'org-cloudtrail-logs',
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
  },
  responseElements: {
    name: 'management-events',
    s3BucketName: 'org-cloudtrail-logs',
    trailARN: trailArn,
    isMultiRegionTrail: true,
    logFileValidationEnabled: true,
    includeGlobalServiceEvents: true,
    isOrganizationTrail: false,
  },
});

const startLogging = cloudTrailEvent({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StartLogging',
  requestParameters: { name: trailArn },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a trail is created', events: [createTrail] },
    { name: 'logging is started on a trail', events: [startLogging] },
  ],
  noFire: [
    { name: 'a failed CreateTrail', events: [failed(createTrail, 'TrailAlreadyExistsException')] },
    {
      name: 'a read-only GetTrailStatus',
      events: [{ ...startLogging, eventName: 'GetTrailStatus', readOnly: true }],
    },
    {
      name: 'PutEventSelectors is outside the CIS 5.5 set',
      events: [{ ...startLogging, eventName: 'PutEventSelectors' }],
    },
  ],
};

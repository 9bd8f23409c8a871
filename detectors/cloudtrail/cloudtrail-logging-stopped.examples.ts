import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`;

const trailCall = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName,
    requestParameters: { name: TRAIL },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an IAM user stops logging on the organisation trail',
      events: [trailCall('StopLogging')],
    },
    {
      name: 'an assumed role deletes the trail',
      events: [
        trailCall('DeleteTrail', { userIdentity: identities.assumedRole('Ops', 'mallory') }),
      ],
    },
    { name: 'StopLogging denied (an attempt)', events: [failed(trailCall('StopLogging'))] },
  ],
  noFire: [
    { name: 'StartLogging turns the trail back on', events: [trailCall('StartLogging')] },
    { name: 'StartLogging denied', events: [failed(trailCall('StartLogging'))] },
    {
      name: 'trail name not found',
      events: [failed(trailCall('DeleteTrail'), 'TrailNotFoundException', 'Unknown trail')],
    },
  ],
};

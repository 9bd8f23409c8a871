import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const pause = cloudTrailEvent({
  eventSource: 'macie2.amazonaws.com',
  eventName: 'UpdateMacieSession',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { status: 'PAUSED' },
  responseElements: null,
});

const disable = cloudTrailEvent({
  eventSource: 'macie2.amazonaws.com',
  eventName: 'DisableMacie',
  requestParameters: null,
});

const archiveFilter = cloudTrailEvent({
  eventSource: 'macie2.amazonaws.com',
  eventName: 'CreateFindingsFilter',
  requestParameters: {
    name: 'hide-public-buckets',
    action: 'ARCHIVE',
    findingCriteria: {
      criterion: { type: { eq: ['Policy:IAMUser/S3BucketPublic'] } },
    },
    position: 1,
  },
  responseElements: {
    arn: 'arn:aws:macie2:us-east-1:111122223333:findings-filter/9b2b4508-c3c4-4d3f-a7f7-4c3a6b0c1d2e',
    id: '9b2b4508-c3c4-4d3f-a7f7-4c3a6b0c1d2e',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'Macie is paused', events: [pause] },
    { name: 'Macie is disabled', events: [disable] },
    { name: 'an archive filter hides public-bucket findings', events: [archiveFilter] },
    {
      name: 'a denied DisableMacie (an attempt)',
      events: [failed(disable, 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'Macie is resumed', events: [{ ...pause, requestParameters: { status: 'ENABLED' } }] },
    {
      name: 'only the publishing frequency changes',
      events: [{ ...pause, requestParameters: { findingPublishingFrequency: 'ONE_HOUR' } }],
    },
    {
      name: 'a saved view (action NOOP)',
      events: [{ ...archiveFilter, requestParameters: { name: 'my-view', action: 'NOOP' } }],
    },
    {
      name: 'DisableMacie where Macie is not enabled',
      events: [failed(disable, 'ResourceNotFoundException', 'Macie is not enabled')],
    },
  ],
};

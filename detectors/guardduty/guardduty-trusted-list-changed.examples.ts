import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const detectorId = '12abc34d567e8fa901bc2d34e56789f0';

const createIpSet = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'CreateIPSet',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: {
    detectorId,
    name: 'office-egress',
    format: 'TXT',
    location: 'https://s3.amazonaws.com/attacker-bucket/trusted.txt',
    activate: true,
  },
  responseElements: { ipSetId: '0cb0141ab9fbde177613ab9436212e90' },
});

const archiveFilter = cloudTrailEvent({
  eventSource: 'guardduty.amazonaws.com',
  eventName: 'CreateFilter',
  requestParameters: {
    detectorId,
    name: 'hide-recon',
    action: 'ARCHIVE',
    rank: 1,
    findingCriteria: { criterion: { type: { eq: ['Recon:EC2/PortProbeUnprotectedPort'] } } },
  },
  responseElements: { name: 'hide-recon' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an active trusted IP list is created (high)', events: [createIpSet] },
    { name: 'an auto-archive filter is created (medium)', events: [archiveFilter] },
    {
      name: 'a threat list location is replaced (medium)',
      events: [
        {
          ...createIpSet,
          eventName: 'UpdateThreatIntelSet',
          requestParameters: {
            detectorId,
            threatIntelSetId: '1ab2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
            location: 'https://s3.amazonaws.com/attacker-bucket/empty.txt',
          },
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'a saved view filter (action NOOP)',
      events: [
        {
          ...archiveFilter,
          requestParameters: { ...archiveFilter.requestParameters, action: 'NOOP' },
        },
      ],
    },
    {
      name: 'a trusted list is deactivated',
      events: [
        {
          ...createIpSet,
          eventName: 'UpdateIPSet',
          requestParameters: {
            detectorId,
            ipSetId: '0cb0141ab9fbde177613ab9436212e90',
            activate: false,
          },
        },
      ],
    },
    { name: 'a denied CreateIPSet', events: [failed(createIpSet, 'AccessDeniedException')] },
    {
      name: 'requestParameters null on CreateFilter',
      events: [{ ...archiveFilter, requestParameters: null }],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const detachScp = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'DetachPolicy',
  userIdentity: identities.assumedRole('OrgAdmin', 'mallory'),
  requestParameters: { policyId: 'p-examplepolicyid111', targetId: 'ou-a1b2-f6g7h111' },
  responseElements: null,
});

const createOu = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'CreateOrganizationalUnit',
  requestParameters: { name: 'OU-Developers-1', parentId: 'r-a1b2' },
  responseElements: {
    organizationalUnit: {
      arn: 'arn:aws:organizations::111122223333:ou/o-aa111bb222/ou-a1b2-f6g7h222',
      id: 'ou-a1b2-f6g7h222',
      name: 'OU-Developers-1',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a service control policy is detached from an OU (medium)', events: [detachScp] },
    { name: 'an organizational unit is created', events: [createOu] },
  ],
  noFire: [
    { name: 'a denied DetachPolicy', events: [failed(detachScp, 'AccessDeniedException')] },
    {
      name: 'a read of the organisation',
      events: [{ ...createOu, eventName: 'DescribeOrganization', readOnly: true }],
    },
    {
      name: 'TagResource is outside the CIS 5.15 set',
      events: [{ ...createOu, eventName: 'TagResource' }],
    },
  ],
};

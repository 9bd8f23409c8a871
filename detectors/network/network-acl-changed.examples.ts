import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const createAcl = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateNetworkAcl',
  userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
  requestParameters: { vpcId: 'vpc-0a1b2c3d4e5f67890' },
  responseElements: {
    requestId: 'a1',
    networkAcl: {
      networkAclId: 'acl-0123456789abcdef0',
      vpcId: 'vpc-0a1b2c3d4e5f67890',
      default: false,
      entrySet: { items: [] },
      associationSet: {},
    },
  },
});

const deleteEntry = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DeleteNetworkAclEntry',
  requestParameters: { networkAclId: 'acl-0123456789abcdef0', ruleNumber: 100, egress: false },
  responseElements: { requestId: 'a2', _return: true },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a network ACL is created', events: [createAcl] },
    { name: 'an ACL entry is deleted', events: [deleteEntry] },
  ],
  noFire: [
    {
      name: 'a denied DeleteNetworkAclEntry',
      events: [failed(deleteEntry, 'Client.UnauthorizedOperation')],
    },
    {
      name: 'a read of the ACLs',
      events: [{ ...deleteEntry, eventName: 'DescribeNetworkAcls', readOnly: true }],
    },
  ],
};

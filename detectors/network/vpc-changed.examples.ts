import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const acceptPeering = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'AcceptVpcPeeringConnection',
  userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
  requestParameters: { vpcPeeringConnectionId: 'pcx-0123456789abcdef0' },
  responseElements: {
    requestId: 'v1',
    vpcPeeringConnection: {
      vpcPeeringConnectionId: 'pcx-0123456789abcdef0',
      status: { code: 'provisioning', message: 'Provisioning' },
    },
  },
});

const createVpc = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateVpc',
  requestParameters: { cidrBlock: '10.20.0.0/16', instanceTenancy: 'default' },
  responseElements: {
    requestId: 'v2',
    vpc: { vpcId: 'vpc-0a1b2c3d4e5f67890', state: 'pending', cidrBlock: '10.20.0.0/16' },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a peering connection is accepted', events: [acceptPeering] },
    { name: 'a VPC is created', events: [createVpc] },
  ],
  noFire: [
    { name: 'a denied CreateVpc', events: [failed(createVpc, 'Client.UnauthorizedOperation')] },
    {
      name: 'VPC endpoints are outside the CIS 5.14 set',
      events: [{ ...createVpc, eventName: 'CreateVpcEndpoint' }],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const attachGateway = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'AttachInternetGateway',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: {
    internetGatewayId: 'igw-0123456789abcdef0',
    vpcId: 'vpc-0a1b2c3d4e5f67890',
  },
  responseElements: { requestId: 'g1', _return: true },
});

const createCustomerGateway = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateCustomerGateway',
  requestParameters: { type: 'ipsec.1', ipAddress: '198.51.100.7', bgpAsn: 65000 },
  responseElements: {
    requestId: 'g2',
    customerGateway: {
      customerGatewayId: 'cgw-0123456789abcdef0',
      state: 'available',
      type: 'ipsec.1',
      ipAddress: '198.51.100.7',
      bgpAsn: '65000',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an internet gateway is attached to a VPC', events: [attachGateway] },
    { name: 'a customer gateway is created', events: [createCustomerGateway] },
  ],
  noFire: [
    {
      name: 'a failed AttachInternetGateway',
      events: [failed(attachGateway, 'Resource.AlreadyAssociated')],
    },
    {
      name: 'NAT gateways are outside the CIS 5.12 set',
      events: [{ ...attachGateway, eventName: 'CreateNatGateway' }],
    },
  ],
};

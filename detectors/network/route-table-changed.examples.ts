import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const createRoute = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateRoute',
  userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
  requestParameters: {
    routeTableId: 'rtb-0123456789abcdef0',
    destinationCidrBlock: '0.0.0.0/0',
    gatewayId: 'igw-0123456789abcdef0',
  },
  responseElements: { requestId: 'r1', _return: true },
});

const disassociate = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DisassociateRouteTable',
  requestParameters: { associationId: 'rtbassoc-0123456789abcdef0' },
  responseElements: { requestId: 'r2', _return: true },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a default route to an internet gateway is added', events: [createRoute] },
    { name: 'a route table is disassociated from a subnet', events: [disassociate] },
  ],
  noFire: [
    { name: 'a failed CreateRoute', events: [failed(createRoute, 'RouteAlreadyExists')] },
    {
      name: 'API Gateway v2 CreateRoute',
      events: [
        {
          ...createRoute,
          eventSource: 'apigateway.amazonaws.com',
          requestParameters: { apiId: 'a1b2c3d4', routeKey: 'GET /items' },
        },
      ],
    },
  ],
};

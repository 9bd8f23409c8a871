import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const session = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateTrafficMirrorSession',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: {
    CreateTrafficMirrorSessionRequest: {
      NetworkInterfaceId: 'eni-0123456789abcdef0',
      TrafficMirrorTargetId: 'tmt-0123456789abcdef0',
      TrafficMirrorFilterId: 'tmf-0123456789abcdef0',
      SessionNumber: 1,
      ClientToken: 'b1e2c3d4-0000-4000-8000-000000000001',
    },
  },
  responseElements: {
    CreateTrafficMirrorSessionResponse: {
      xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      requestId: 't1',
      trafficMirrorSession: {
        trafficMirrorSessionId: 'tms-0123456789abcdef0',
        networkInterfaceId: 'eni-0123456789abcdef0',
        trafficMirrorTargetId: 'tmt-0123456789abcdef0',
        trafficMirrorFilterId: 'tmf-0123456789abcdef0',
        sessionNumber: 1,
      },
    },
  },
});

const target = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateTrafficMirrorTarget',
  requestParameters: {
    CreateTrafficMirrorTargetRequest: {
      NetworkLoadBalancerArn:
        'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/ids/0123456789abcdef',
      Description: 'IDS appliance',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a mirror session on an instance interface (high)', events: [session] },
    { name: 'a mirror target is created (medium)', events: [target] },
    {
      name: 'a denied CreateTrafficMirrorSession is an attempt',
      events: [failed(session, 'Client.UnauthorizedOperation')],
    },
  ],
  noFire: [
    {
      name: 'a session on an interface that does not exist',
      events: [failed(session, 'Client.InvalidNetworkInterfaceID.NotFound')],
    },
    {
      name: 'a mirror session is deleted',
      events: [{ ...session, eventName: 'DeleteTrafficMirrorSession' }],
    },
  ],
};

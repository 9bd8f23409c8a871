import { EXAMPLE_AWS_IP_RANGES } from '../examples/aws-ip-ranges.js';
import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import {
  INSTANCE_ROLE,
  instanceCall,
  instanceGetObject,
  instanceIdentity,
  LAPTOP_IP,
  USER_AGENTS,
  viaVpcEndpoint,
} from '../examples/instance-events.js';
import type { DetectorExample, DetectorExamples } from '../types.js';

/** Every case runs with the example ranges, unless it is about their absence. */
const withRanges = (example: DetectorExample): DetectorExample => ({
  ...example,
  settings: { awsIpRanges: EXAMPLE_AWS_IP_RANGES },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'recorded intrusion: the proxy instance’s credentials list buckets from a home address',
      events: [instanceCall({ sourceIPAddress: LAPTOP_IP, userAgent: USER_AGENTS.macCli })],
    },
    {
      name: 'then download an object (S3 data event), with a Linux user agent',
      events: [instanceGetObject({ sourceIPAddress: LAPTOP_IP })],
    },
    {
      name: 'first probe denied',
      events: [
        failed(
          instanceCall({
            eventSource: 'sts.amazonaws.com',
            eventName: 'GetCallerIdentity',
            requestParameters: null,
            sourceIPAddress: LAPTOP_IP,
          }),
        ),
      ],
    },
    {
      name: 'evasion: from an IPv6 address outside the ranges, written uncompressed',
      events: [instanceCall({ sourceIPAddress: '2001:0DB8:FFFF:0000:0000:0000:0000:0007' })],
    },
    {
      name: 'evasion: an IPv4 address written as IPv4-mapped IPv6',
      events: [instanceCall({ sourceIPAddress: `::ffff:${LAPTOP_IP}` })],
    },
    {
      name: 'evasion: the instance id written in upper case',
      events: [
        instanceCall({
          sourceIPAddress: LAPTOP_IP,
          userIdentity: instanceIdentity('I-0598C7D356EBA48D7'),
        }),
      ],
    },
    {
      name: 'a session named after the instance in logs from before CloudTrail wrote the marker',
      events: [
        instanceCall({
          sourceIPAddress: LAPTOP_IP,
          userIdentity: identities.assumedRole(INSTANCE_ROLE, 'i-0598c7d356eba48d7', 'false'),
        }),
      ],
    },
    {
      name: 'evasion: ec2RoleDelivery marks the session, whatever its name',
      events: [
        instanceCall({ sourceIPAddress: LAPTOP_IP, userIdentity: instanceIdentity('proxy') }),
      ],
    },
  ].map(withRanges),
  noFire: [
    ...[
      {
        name: 'the instance’s own public address, inside the AWS ranges',
        events: [instanceCall()],
      },
      {
        name: 'an IPv6 address inside the ranges, in any spelling',
        events: [
          instanceCall({ sourceIPAddress: '2001:db8:1234:8000::10' }),
          instanceCall({ sourceIPAddress: '2001:0DB8:1234:8000:0000:0000:0000:0010' }),
        ],
      },
      {
        name: 'through a VPC endpoint (private address)',
        events: [instanceCall(viaVpcEndpoint)],
      },
      {
        name: 'a private address without an endpoint id',
        events: [instanceCall({ sourceIPAddress: '10.1.2.3' })],
      },
      {
        name: 'an AWS service acting for the role',
        events: [
          instanceCall({
            userIdentity: { ...instanceIdentity(), invokedBy: 'autoscaling.amazonaws.com' },
            sourceIPAddress: LAPTOP_IP,
          }),
          instanceCall({ sourceIPAddress: 'AWS Internal' }),
          instanceCall({ sourceIPAddress: 'ec2.amazonaws.com' }),
        ],
      },
      {
        name: 'the SSM agent and message channels, from an instance behind an on-premises proxy',
        events: [
          instanceCall({
            eventSource: 'ssm.amazonaws.com',
            eventName: 'UpdateInstanceInformation',
            requestParameters: { instanceId: 'i-0598c7d356eba48d7', agentStatus: 'Active' },
            sourceIPAddress: LAPTOP_IP,
          }),
          instanceCall({
            eventSource: 'ec2messages.amazonaws.com',
            eventName: 'GetMessages',
            requestParameters: {
              destination: 'i-0598c7d356eba48d7',
              visibilityTimeoutInSeconds: 10,
            },
            sourceIPAddress: LAPTOP_IP,
          }),
        ],
      },
      {
        name: 'a person’s role session from a home address',
        events: [
          cloudTrailEvent({ sourceIPAddress: LAPTOP_IP, userIdentity: identities.ssoUser() }),
        ],
      },
    ].map(withRanges),
    {
      name: 'no ranges configured: stays quiet',
      events: [instanceCall({ sourceIPAddress: LAPTOP_IP })],
    },
  ],
};

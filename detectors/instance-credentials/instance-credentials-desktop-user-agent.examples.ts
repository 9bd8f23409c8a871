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
import type { DetectorExamples } from '../types.js';

const fromMac = { sourceIPAddress: LAPTOP_IP, userAgent: USER_AGENTS.macCli };

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'recorded intrusion: the proxy instance’s credentials list buckets from a Mac',
      events: [instanceCall(fromMac)],
    },
    {
      name: 'then download an object (S3 data event) from the same laptop',
      events: [instanceGetObject(fromMac)],
    },
    {
      name: 'AWS CLI v1 on macOS (Darwin/…)',
      events: [
        instanceCall({
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetCallerIdentity',
          requestParameters: null,
          sourceIPAddress: LAPTOP_IP,
          userAgent: USER_AGENTS.macCliV1,
        }),
      ],
    },
    {
      name: 'Windows laptop, call denied',
      events: [
        failed(
          instanceCall({
            eventSource: 'iam.amazonaws.com',
            eventName: 'ListUsers',
            requestParameters: null,
            sourceIPAddress: LAPTOP_IP,
            userAgent: USER_AGENTS.windowsCli,
          }),
        ),
      ],
    },
    {
      name: 'Boto3 on Windows (Windows/10)',
      events: [instanceCall({ sourceIPAddress: LAPTOP_IP, userAgent: USER_AGENTS.windowsBoto3 })],
    },
    {
      name: 'evasion: a console session opened with the credentials, in a Windows browser',
      events: [
        instanceCall({
          eventSource: 'ec2.amazonaws.com',
          eventName: 'DescribeInstances',
          requestParameters: { instancesSet: {}, filterSet: {} },
          sourceIPAddress: LAPTOP_IP,
          userAgent: USER_AGENTS.windowsBrowser,
          sessionCredentialFromConsole: 'true',
        } as never),
      ],
    },
    {
      name: 'evasion: the instance id written in upper case',
      events: [instanceCall({ ...fromMac, userIdentity: instanceIdentity('I-0598C7D356EBA48D7') })],
    },
    {
      name: 'evasion: an upper-case instance id in a record without the metadata-service marker',
      events: [
        instanceCall({
          ...fromMac,
          userIdentity: identities.assumedRole(INSTANCE_ROLE, 'I-0598C7D356EBA48D7', 'false'),
        }),
      ],
    },
    {
      name: 'evasion: ec2RoleDelivery marks the session, whatever its name',
      events: [instanceCall({ ...fromMac, userIdentity: instanceIdentity('proxy-session') })],
    },
    {
      name: 'evasion: from an IPv6 address, written uncompressed',
      events: [
        instanceCall({
          ...fromMac,
          sourceIPAddress: '2001:0db8:00ff:0000:0000:0000:0000:0023',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the instance itself, running Linux',
      events: [instanceCall()],
    },
    {
      name: 'a Windows Server instance (os/windows#2022Server)',
      events: [instanceCall({ userAgent: USER_AGENTS.windowsServerCli })],
    },
    {
      name: 'the CloudWatch agent on a Windows Server instance (Go SDK v1)',
      events: [
        instanceCall({
          eventSource: 'logs.amazonaws.com',
          eventName: 'DescribeLogStreams',
          requestParameters: { logGroupName: '/ec2/windows/system', limit: 50 },
          userAgent: USER_AGENTS.windowsAgent,
        }),
      ],
    },
    {
      name: 'the SSM agent of an EC2 Mac instance reporting in',
      events: [
        instanceCall({
          eventSource: 'ssm.amazonaws.com',
          eventName: 'UpdateInstanceInformation',
          requestParameters: {
            instanceId: 'i-0598c7d356eba48d7',
            agentVersion: '3.3.1142.0',
            agentStatus: 'Active',
            platformType: 'MacOS',
            platformName: 'macOS',
            platformVersion: '14.6',
            agentName: 'amazon-ssm-agent',
          },
          userAgent: USER_AGENTS.macSsmAgent,
        }),
      ],
    },
    {
      name: 'the SSM message channel of an EC2 Mac instance',
      events: [
        instanceCall({
          eventSource: 'ssmmessages.amazonaws.com',
          eventName: 'OpenControlChannel',
          requestParameters: null,
          userAgent: USER_AGENTS.macSsmAgent,
        }),
      ],
    },
    {
      name: 'through a VPC endpoint (private address)',
      events: [instanceCall({ ...viaVpcEndpoint, userAgent: USER_AGENTS.macCli })],
    },
    {
      name: 'an AWS service acting for the role',
      events: [
        instanceCall({
          userIdentity: { ...instanceIdentity(), invokedBy: 'ec2.amazonaws.com' },
          sourceIPAddress: 'ec2.amazonaws.com',
          userAgent: 'ec2.amazonaws.com',
        }),
        instanceCall({ sourceIPAddress: 'AWS Internal', userAgent: USER_AGENTS.macCli }),
      ],
    },
    {
      name: 'a person’s role session from a Mac',
      events: [
        cloudTrailEvent({
          ...fromMac,
          eventSource: 's3.amazonaws.com',
          eventName: 'ListBuckets',
          userIdentity: identities.ssoUser(),
        }),
      ],
    },
    {
      name: 'a session named like an instance id of the wrong length',
      events: [
        instanceCall({
          ...fromMac,
          userIdentity: identities.assumedRole('build', 'i-0598c7d356eb', 'false'),
        }),
      ],
    },
    {
      name: 'a private source address without an endpoint id',
      events: [
        instanceCall({ sourceIPAddress: '172.31.5.9', userAgent: USER_AGENTS.windowsBrowser }),
      ],
    },
  ],
};

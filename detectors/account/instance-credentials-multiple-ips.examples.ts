import { cloudTrailEvent, identities } from '../examples/events.js';
import { instanceIdentity } from '../examples/instance-events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** EC2 names an instance profile session after the instance id. */
const instanceRole = identities.assumedRole('WebServerRole', 'i-0abcd1234ef567890', 'false');

const call = (sourceIPAddress: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    readOnly: true,
    userIdentity: instanceRole,
    sourceIPAddress,
    userAgent: 'aws-cli/2.17.0 Python/3.12.4 Linux/6.1 exe/x86_64',
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'instance credentials used from the NAT address and from an outside host',
      events: [
        call('203.0.113.10'),
        call('198.51.100.99', {
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetCallerIdentity',
          userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 os/linux',
        }),
      ],
    },
    {
      name: 'evasion: a session CloudTrail marks as delivered by the metadata service, id in upper case',
      events: [
        call('203.0.113.10', { userIdentity: instanceIdentity('I-0ABCD1234EF567890') }),
        call('198.51.100.99', { userIdentity: instanceIdentity('I-0ABCD1234EF567890') }),
      ],
    },
  ],
  noFire: [
    {
      name: 'one instance, one egress address, many calls',
      events: [call('203.0.113.10'), call('203.0.113.10'), call('203.0.113.10')],
    },
    {
      name: 'second call through a VPC endpoint shows a private address',
      events: [
        call('203.0.113.10'),
        call('10.0.12.34', { vpcEndpointId: 'vpce-0a1b2c3d4e5f67890' }),
      ],
    },
    {
      name: 'AWS service acting for the role',
      events: [
        call('203.0.113.10'),
        call('AWS Internal', {
          userIdentity: { ...instanceRole, invokedBy: 'ec2.amazonaws.com' },
        }),
        call('ec2.amazonaws.com'),
      ],
    },
    {
      name: 'ordinary role session (not an instance) from two addresses',
      events: [
        call('203.0.113.10', { userIdentity: identities.assumedRole('Admin', 'alice') }),
        call('198.51.100.99', { userIdentity: identities.assumedRole('Admin', 'alice') }),
      ],
    },
    {
      name: 'IAM user keys from two addresses',
      events: [
        call('203.0.113.10', { userIdentity: identities.iamUser() }),
        call('198.51.100.99', { userIdentity: identities.iamUser() }),
      ],
    },
    {
      name: 'private addresses only',
      events: [call('10.1.2.3'), call('172.16.9.9'), call('192.168.1.1')],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** CreateNetworkAclEntry request parameters allowing SSH in from anywhere, as CloudTrail logs them. */
export const sshFromAnywhere = {
  networkAclId: 'acl-0123456789abcdef0',
  ruleNumber: 110,
  egress: false,
  ruleAction: 'allow',
  icmpTypeCode: {},
  portRange: { from: 22, to: 22 },
  aclProtocol: '6',
  cidrBlock: '0.0.0.0/0',
};

/** The entry shape CloudTrail logs for CreateNetworkAclEntry. */
function entry(overrides: Record<string, unknown>) {
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateNetworkAclEntry',
    userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
    userAgent: 'console.ec2.amazonaws.com',
    requestParameters: { ...sshFromAnywhere, ...overrides },
    responseElements: { requestId: 'n1', _return: true },
  });
}

const ssh = entry({});

export const examples: DetectorExamples = {
  fire: [
    { name: 'SSH from anywhere (high)', events: [ssh] },
    {
      name: 'all traffic from anywhere over IPv6 (medium)',
      events: [
        entry({
          aclProtocol: '-1',
          portRange: {},
          cidrBlock: undefined,
          ipv6CidrBlock: '::/0',
          ruleNumber: 101,
        }),
      ],
    },
    {
      name: 'RDP from anywhere through ReplaceNetworkAclEntry',
      events: [
        {
          ...entry({ portRange: { from: 3389, to: 3389 } }),
          eventName: 'ReplaceNetworkAclEntry',
        },
      ],
    },
    {
      name: 'evasion: SSH from 0.0.0.0/1, half the internet',
      events: [entry({ cidrBlock: '0.0.0.0/1' })],
    },
    {
      name: 'evasion: all traffic from 2000::/3 written uncompressed (medium)',
      events: [
        entry({
          aclProtocol: '-1',
          portRange: {},
          cidrBlock: undefined,
          ipv6CidrBlock: '2000:0000:0000:0000:0000:0000:0000:0000/3',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'SSH from a private range written with a leading zero',
      events: [entry({ cidrBlock: '10.0.0.0/08' })],
    },
    {
      name: 'a deny entry',
      events: [entry({ ruleAction: 'deny', aclProtocol: '-1', portRange: {} })],
    },
    {
      name: 'an egress allow-all entry',
      events: [entry({ egress: true, aclProtocol: '-1', portRange: {} })],
    },
    { name: 'HTTPS from anywhere', events: [entry({ portRange: { from: 443, to: 443 } })] },
    {
      name: 'return traffic on the ephemeral ports',
      events: [entry({ portRange: { from: 1024, to: 65535 } })],
    },
    { name: 'SSH from the office range', events: [entry({ cidrBlock: '198.51.100.0/24' })] },
    { name: 'a failed call', events: [failed(ssh, 'NetworkAclEntryAlreadyExists')] },
    { name: 'requestParameters null', events: [{ ...ssh, requestParameters: null }] },
  ],
};

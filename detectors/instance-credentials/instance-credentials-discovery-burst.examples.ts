import { failed, identities } from '../examples/events.js';
import {
  INSTANCE_IP,
  instanceCall,
  instanceIdentity,
  viaVpcEndpoint,
} from '../examples/instance-events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** One read-only call with the instance's credentials, from the instance. */
const discover = (
  eventSource: string,
  eventName: string,
  requestParameters: CloudTrailEvent['requestParameters'] = null,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  instanceCall({
    eventSource,
    eventName,
    requestParameters,
    sourceIPAddress: INSTANCE_IP,
    readOnly: true,
    ...overrides,
  });

/** What an intruder who just read the credentials asks first. */
const enumeration = (overrides: Partial<CloudTrailEvent> = {}) => [
  discover('sts.amazonaws.com', 'GetCallerIdentity', null, overrides),
  discover('s3.amazonaws.com', 'ListBuckets', { Host: 's3.us-east-1.amazonaws.com' }, overrides),
  discover(
    'ec2.amazonaws.com',
    'DescribeInstances',
    { instancesSet: {}, filterSet: {} },
    overrides,
  ),
  failed(discover('iam.amazonaws.com', 'ListRoles', null, overrides)),
  failed(discover('iam.amazonaws.com', 'ListUsers', null, overrides)),
  failed(
    discover(
      'iam.amazonaws.com',
      'GetAccountAuthorizationDetails',
      { filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] },
      overrides,
    ),
  ),
];

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'six different discovery calls from the instance, IAM ones denied',
      events: enumeration(),
    },
    {
      name: 'evasion: through the VPC endpoints of the instance’s subnet',
      events: enumeration(viaVpcEndpoint),
    },
    {
      name: 'evasion: session marked only by ec2RoleDelivery, Lambda call with its version suffix',
      events: [
        ...enumeration({ userIdentity: instanceIdentity('app-session') }).slice(0, 4),
        discover('lambda.amazonaws.com', 'ListFunctions20150331', null, {
          userIdentity: instanceIdentity('app-session'),
        }),
      ],
    },
    {
      name: 'evasion: the instance id written in upper case',
      events: enumeration({ userIdentity: instanceIdentity('I-0598C7D356EBA48D7') }),
    },
  ],
  noFire: [
    {
      name: 'four different calls: an application’s ordinary start-up',
      events: enumeration().slice(0, 4),
    },
    {
      name: 'an inventory agent: who am I, then six different EC2 Describe calls',
      events: [
        discover('sts.amazonaws.com', 'GetCallerIdentity'),
        ...[
          'DescribeInstances',
          'DescribeVolumes',
          'DescribeSnapshots',
          'DescribeSecurityGroups',
          'DescribeSubnets',
          'DescribeVpcs',
        ].map((name) => discover('ec2.amazonaws.com', name)),
      ],
    },
    {
      name: 'one call, many times (a monitoring agent polling DescribeInstances)',
      events: Array.from({ length: 12 }, () =>
        discover('ec2.amazonaws.com', 'DescribeInstances', { instancesSet: {}, filterSet: {} }),
      ),
    },
    {
      name: 'an engineer’s own role session exploring',
      events: enumeration({ userIdentity: identities.assumedRole('Admin', 'alice') }),
    },
    {
      name: 'a session named after an instance without the metadata-service marker (SSM host management)',
      events: enumeration({
        userIdentity: identities.assumedRole(
          'AWSSystemsManagerDefaultEC2InstanceManagementRole',
          'i-0598c7d356eba48d7',
          'false',
        ),
      }),
    },
    {
      name: 'an AWS service acting for the instance role',
      events: enumeration({
        userIdentity: { ...instanceIdentity(), invokedBy: 'ssm.amazonaws.com' },
        sourceIPAddress: 'ssm.amazonaws.com',
      }),
    },
  ],
};

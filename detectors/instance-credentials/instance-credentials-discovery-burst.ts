import { baseEventName } from '../helpers/event-name.js';
import { instanceSessionCaller } from '../helpers/instance-credential-call.js';
import type { Detector, EventKey } from '../types.js';

/**
 * Read-only calls that map an account: who am I, what can I reach, what runs
 * here. Applications call one or two of them (an SDK's GetCallerIdentity, a
 * monitoring agent's DescribeInstances); enumeration tools call many.
 */
const DISCOVERY: readonly EventKey[] = [
  { eventSource: 'sts.amazonaws.com', eventNames: ['GetCallerIdentity'] },
  { eventSource: 's3.amazonaws.com', eventNames: ['ListBuckets'] },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: [
      'DescribeInstances',
      'DescribeSecurityGroups',
      'DescribeVpcs',
      'DescribeSubnets',
      'DescribeSnapshots',
      'DescribeVolumes',
      'DescribeKeyPairs',
      'DescribeRegions',
    ],
  },
  {
    eventSource: 'iam.amazonaws.com',
    eventNames: [
      'ListRoles',
      'ListUsers',
      'ListGroups',
      'ListPolicies',
      'GetAccountAuthorizationDetails',
      'ListAttachedRolePolicies',
      'ListRolePolicies',
      'GetAccountSummary',
      'ListAccountAliases',
      'ListInstanceProfiles',
      'GetUser',
      'ListAccessKeys',
    ],
  },
  { eventSource: 'lambda.amazonaws.com', eventNames: ['ListFunctions'] },
  { eventSource: 'secretsmanager.amazonaws.com', eventNames: ['ListSecrets'] },
  { eventSource: 'ssm.amazonaws.com', eventNames: ['DescribeParameters'] },
  { eventSource: 'rds.amazonaws.com', eventNames: ['DescribeDBInstances'] },
  { eventSource: 'dynamodb.amazonaws.com', eventNames: ['ListTables'] },
  { eventSource: 'kms.amazonaws.com', eventNames: ['ListKeys'] },
  { eventSource: 'organizations.amazonaws.com', eventNames: ['DescribeOrganization'] },
  { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['DescribeTrails'] },
  { eventSource: 'guardduty.amazonaws.com', eventNames: ['ListDetectors'] },
  { eventSource: 'eks.amazonaws.com', eventNames: ['ListClusters'] },
];

const DISCOVERY_CALLS: ReadonlySet<string> = new Set(
  DISCOVERY.flatMap((key) =>
    key.eventNames === '*' ? [] : key.eventNames.map((name) => `${key.eventSource} ${name}`),
  ),
);

/** Many different discovery calls made with one instance's role credentials within minutes. */
export const instanceCredentialsDiscoveryBurst: Detector = {
  id: 'instance-credentials-discovery-burst',
  title: 'Discovery burst with EC2 instance credentials',
  severity: 'medium',
  description:
    "An EC2 instance profile's credentials (a role session named after the instance, or one " +
    'CloudTrail marks with sessionContext.ec2RoleDelivery) made at least 5 different ' +
    'discovery calls within 10 minutes: GetCallerIdentity, ListBuckets, DescribeInstances, ' +
    'ListRoles, ListUsers, GetAccountAuthorizationDetails, ListSecrets and similar ' +
    'read-only calls that map an account. Applications make one or two of these; someone ' +
    'who just obtained the credentials, on the instance or off it, asks what they can reach. ' +
    'Failed calls count (enumeration meets AccessDenied), and so do calls through VPC ' +
    'endpoints, since an intruder on the instance uses them too. Calls AWS services make for ' +
    'the role are ignored. A single call from a laptop or from outside AWS is already caught ' +
    'by instance-credentials-desktop-user-agent and instance-credentials-outside-aws. Benign ' +
    'causes: inventory or security agents running on instances, configuration management ' +
    'that discovers its environment, an engineer exploring from an instance shell.',
  attack: ['T1580', 'T1087.004', 'T1069.003', 'T1552.005'],
  references: [
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 5, windowSeconds: 600, distinct: true },
  listensTo: DISCOVERY,
  match(event) {
    const call = `${event.eventSource} ${baseEventName(event.eventName)}`;
    if (!DISCOVERY_CALLS.has(call)) return undefined;
    const caller = instanceSessionCaller(event);
    if (!caller) return undefined;
    const failed = event.errorCode ? ` (failed: ${event.errorCode})` : '';
    return {
      summary: `Credentials of instance ${caller.instance} (${caller.role}) made discovery calls, among them ${call}${failed}`,
      dedupKey: caller.dedupKey,
      resources: [caller.session],
      distinctValue: call,
    };
  },
};

import { baseEventName } from '../helpers/event-name.js';
import {
  deliveredByMetadataService,
  instanceSessionCaller,
} from '../helpers/instance-credential-call.js';
import type { Detector, RawHint } from '../types.js';

/**
 * Read-only calls that map an account: who am I, what can I reach, what runs
 * here. Applications call one or two of them (an SDK's GetCallerIdentity, a
 * monitoring agent's DescribeInstances); enumeration tools call many.
 */
const DISCOVERY: Readonly<Record<string, readonly string[]>> = {
  'sts.amazonaws.com': ['GetCallerIdentity'],
  's3.amazonaws.com': ['ListBuckets'],
  'ec2.amazonaws.com': [
    'DescribeInstances',
    'DescribeSecurityGroups',
    'DescribeVpcs',
    'DescribeSubnets',
    'DescribeSnapshots',
    'DescribeVolumes',
    'DescribeKeyPairs',
    'DescribeRegions',
  ],
  'iam.amazonaws.com': [
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
  'lambda.amazonaws.com': ['ListFunctions'],
  'secretsmanager.amazonaws.com': ['ListSecrets'],
  'ssm.amazonaws.com': ['DescribeParameters'],
  'rds.amazonaws.com': ['DescribeDBInstances'],
  'dynamodb.amazonaws.com': ['ListTables'],
  'kms.amazonaws.com': ['ListKeys'],
  'organizations.amazonaws.com': ['DescribeOrganization'],
  'cloudtrail.amazonaws.com': ['DescribeTrails'],
  'guardduty.amazonaws.com': ['ListDetectors'],
  'eks.amazonaws.com': ['ListClusters'],
};

/**
 * EC2's Describe calls count as one: inventory and monitoring agents on instances
 * make several of them all day, while an intruder's enumeration spans services.
 */
function countedAs(call: string): string {
  return call.startsWith('ec2.amazonaws.com Describe') ? 'ec2.amazonaws.com Describe*' : call;
}

const DISCOVERY_CALLS: ReadonlySet<string> = new Set(
  Object.entries(DISCOVERY).flatMap(([source, names]) => names.map((n) => `${source} ${n}`)),
);
const DISCOVERY_NAMES: ReadonlySet<string> = new Set(Object.values(DISCOVERY).flat());

/**
 * These calls are among the busiest in any account (DescribeInstances,
 * GetCallerIdentity), so the detector does not list them by name, which would
 * have every one of them parsed: it reads only records holding the metadata
 * service's delivery marker, which every call with instance credentials carries
 * and almost nothing else does.
 */
const HINT: RawHint = {
  contains: ['ec2RoleDelivery', 'assumed-role/'],
  value: { key: 'eventName', test: (name) => DISCOVERY_NAMES.has(baseEventName(name)) },
};

/** Many different discovery calls made with one instance's role credentials within minutes. */
export const instanceCredentialsDiscoveryBurst: Detector = {
  id: 'instance-credentials-discovery-burst',
  title: 'Discovery burst with EC2 instance credentials',
  severity: 'medium',
  description:
    "An EC2 instance profile's credentials (CloudTrail marks them with " +
    'sessionContext.ec2RoleDelivery, whatever the session name) made at least 5 different ' +
    'discovery calls within 10 minutes: GetCallerIdentity, ListBuckets, ListRoles, ListUsers, ' +
    'GetAccountAuthorizationDetails, ListSecrets, ListFunctions, DescribeTrails and similar ' +
    'read-only calls that map an account, EC2 Describe calls counting as one (inventory ' +
    'agents make many). Applications make one or two of these; someone who just obtained ' +
    'the credentials, on the instance or off it, asks what they can reach across services. ' +
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
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => HINT,
  match(event) {
    // Runs on every event: the identity type rejects most of them first.
    if (event.userIdentity?.type !== 'AssumedRole') return undefined;
    const call = `${event.eventSource} ${baseEventName(event.eventName)}`;
    if (!DISCOVERY_CALLS.has(call) || !deliveredByMetadataService(event)) return undefined;
    const caller = instanceSessionCaller(event);
    if (!caller) return undefined;
    const failed = event.errorCode ? ` (failed: ${event.errorCode})` : '';
    return {
      summary: `Credentials of instance ${caller.instance} (${caller.role}) made discovery calls, among them ${call}${failed}`,
      dedupKey: caller.dedupKey,
      resources: [caller.session],
      distinctValue: countedAs(call),
    };
  },
};

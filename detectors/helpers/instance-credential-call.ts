import type { CloudTrailEvent } from '../types.js';
import { calledThroughAwsService } from './aws-service-caller.js';
import { accountOf, principalForDedup } from './identity.js';
import { instanceSessionOf } from './instance-session.js';
import { type IpAddress, isPublicAddress, parseIp } from './ip-address.js';

/**
 * A call made with an EC2 instance profile's credentials that reached AWS over
 * the internet, made by the caller itself: the calls whose source address and
 * user agent say where the credentials were used. Everything that only looks
 * like an outside use is left out:
 * - calls through a VPC endpoint (`vpcEndpointId`; they show private addresses);
 * - calls AWS services make with the role (`invokedBy`, an `AWSService` identity,
 *   a source that is `AWS Internal` or a service host name such as
 *   `ec2.amazonaws.com`), and service or network-activity events;
 * - the Systems Manager channels the SSM agent keeps open from the instance
 *   (`ssmmessages`, `ec2messages`) and the agent's own calls to SSM
 *   (UpdateInstanceInformation, ...), judged by API, never by user agent, which
 *   the caller chooses.
 */
export interface InstanceCredentialCall {
  /** The instance id (lower case), or `unknown instance` when only `ec2RoleDelivery` says so. */
  readonly instance: string;
  /** The session ARN, `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  readonly session: string;
  /** The session ARN without the session name. */
  readonly role: string;
  /** The public source address. */
  readonly ip: IpAddress;
  /** Groups one instance's findings: account, role and instance. */
  readonly dedupKey: string;
}

const MESSAGING_CHANNELS: ReadonlySet<string> = new Set([
  'ssmmessages.amazonaws.com',
  'ec2messages.amazonaws.com',
]);

/** What the SSM agent calls on its own, from the instance, with the instance's credentials. */
const SSM_AGENT_CALLS: ReadonlySet<string> = new Set([
  'UpdateInstanceInformation',
  'ListInstanceAssociations',
  'DescribeInstanceAssociationsStatus',
  'UpdateInstanceAssociationStatus',
  'PutInventory',
  'PutComplianceItems',
  'GetDeployablePatchSnapshotForInstance',
  'GetManifest',
  'PutConfigurePackageResult',
]);

/**
 * What the raw bytes of every record {@link instanceSessionCaller} accepts hold, for
 * detectors' raw hints: the session ARN's `assumed-role/`, and either the metadata
 * service's marker or a session name starting like an instance id (`/i-`, `/I-`).
 * Role sessions of people and pipelines, the bulk of most trails, have neither.
 */
export const INSTANCE_SESSION_BYTES: readonly (string | readonly string[])[] = [
  ['ec2RoleDelivery', '/i-', '/I-'],
  'assumed-role/',
];

/** Event types of calls a principal made (not `AwsServiceEvent`, `AwsVpceEvent`, ...). */
const CALL_TYPES: ReadonlySet<string> = new Set(['AwsApiCall', 'AwsConsoleAction']);

const MAX_ARN_CHARS = 2048;
/** What `instanceSessionOf` answers when only the metadata-service marker identifies the session. */
const UNKNOWN_INSTANCE = 'unknown instance';

/**
 * True when CloudTrail marks the credentials as served by the instance metadata
 * service (`sessionContext.ec2RoleDelivery`: `1.0` for IMDSv1, `2.0` for IMDSv2).
 * CloudTrail writes it, not the caller; whoever holds stolen instance credentials
 * cannot remove it.
 */
export function deliveredByMetadataService(event: CloudTrailEvent): boolean {
  // The key exactly as CloudTrail spells it, as raw hints search for it.
  const context: Record<string, unknown> | undefined =
    event.userIdentity?.sessionContext ?? undefined;
  const delivery =
    context && Object.hasOwn(context, 'ec2RoleDelivery') ? context.ec2RoleDelivery : undefined;
  return typeof delivery === 'string' && delivery.trim() !== '';
}

/** True for the SSM agent's housekeeping and the SSM/EC2 message channels. */
export function isSsmAgentChannel(event: CloudTrailEvent): boolean {
  const source = event.eventSource;
  if (MESSAGING_CHANNELS.has(source)) return true;
  return source === 'ssm.amazonaws.com' && SSM_AGENT_CALLS.has(event.eventName);
}

/**
 * The instance session behind a call and its ARN, for any call made with
 * instance-profile credentials by the caller itself (not an AWS service acting
 * for it), wherever it came from. Undefined for every other call, and for a
 * record without a session ARN (CloudTrail always writes one for a role session).
 */
export function instanceSessionCaller(
  event: CloudTrailEvent,
): Omit<InstanceCredentialCall, 'ip'> | undefined {
  const id = event.userIdentity;
  // Checked first: most events are not role sessions, and this runs on every event.
  if (id?.type !== 'AssumedRole') return undefined;
  const arn = id.arn;
  if (typeof arn !== 'string' || arn.length > MAX_ARN_CHARS || !arn.includes(':assumed-role/')) {
    return undefined;
  }
  const instance = instanceSessionOf(event);
  if (!instance || calledThroughAwsService(event)) return undefined;
  if (instance === UNKNOWN_INSTANCE && !deliveredByMetadataService(event)) return undefined;
  const role = principalForDedup(event);
  const dedupKey = `${accountOf(event)}|${role}|${instance}`;
  return { instance, session: arn, role, dedupKey };
}

/** The call, when it was made with instance credentials from a public address; see above. */
export function instanceCredentialCallOf(
  event: CloudTrailEvent,
): InstanceCredentialCall | undefined {
  const caller = instanceSessionCaller(event);
  if (!caller) return undefined;
  if (typeof event.vpcEndpointId === 'string' && event.vpcEndpointId.trim() !== '')
    return undefined;
  if (typeof event.eventType === 'string' && !CALL_TYPES.has(event.eventType)) return undefined;
  if (isSsmAgentChannel(event)) return undefined;
  const ip = parseIp(event.sourceIPAddress);
  if (!ip || !isPublicAddress(ip)) return undefined;
  return { ...caller, ip };
}

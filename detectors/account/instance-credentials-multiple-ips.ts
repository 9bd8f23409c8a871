import { accountOf } from '../helpers/identity.js';
import {
  INSTANCE_SESSION_BYTES,
  instanceCredentialCallOf,
} from '../helpers/instance-credential-call.js';
import { formatIp, isPublicAddress, parseIp } from '../helpers/ip-address.js';
import type { Detector, RawHint } from '../types.js';

/**
 * An instance session's bytes (see INSTANCE_SESSION_BYTES), and some
 * `sourceIPAddress` must be a public address (the same test as `match`; IP
 * addresses are ASCII, so raw and decoded text agree).
 */
const INSTANCE_HINT: RawHint = {
  contains: INSTANCE_SESSION_BYTES,
  value: { key: 'sourceIPAddress', test: isPublicSource },
};

function isPublicSource(text: string): boolean {
  const ip = parseIp(text);
  return ip !== undefined && isPublicAddress(ip);
}

/** One EC2 instance's role credentials used from two or more public addresses within an hour. */
export const instanceCredentialsMultipleIps: Detector = {
  id: 'instance-credentials-multiple-ips',
  title: 'EC2 instance credentials used from several public addresses',
  severity: 'high',
  description:
    'The role session of one EC2 instance (assumed-role/<role>/i-<id>, the id in any case, or ' +
    'a session CloudTrail marks with sessionContext.ec2RoleDelivery) made calls from two or ' +
    'more public source addresses of the same IP version within an hour. An instance reaches ' +
    'AWS from one egress address (its public IP or its NAT gateway), so a second address ' +
    'usually means its credentials were taken from the instance metadata service (SSRF, a ' +
    'compromised workload) and are being used elsewhere. Calls through VPC endpoints (private ' +
    'addresses, vpcEndpointId set), by AWS services on the role\'s behalf (invokedBy, "AWS ' +
    'Internal", service host names), from private addresses, and the SSM agent and message ' +
    'channels are ignored. IPv4 and IPv6 are ' +
    'counted apart because dual-stack instances legitimately use one of each. Benign causes: an ' +
    'instance whose Elastic IP changed, subnets routed through several NAT gateways, a proxy ' +
    'with several egress addresses. Without AWS IP-range data this cannot tell an attacker ' +
    'inside AWS from outside; GuardDuty InstanceCredentialExfiltration can.',
  attack: ['T1552.005', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 2, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => INSTANCE_HINT,
  match(event) {
    // Instance sessions only, as the caller itself used them from a public address:
    // not through VPC endpoints, by AWS services, or on the SSM agent's channels.
    const call = instanceCredentialCallOf(event);
    if (!call) return undefined;
    const address = formatIp(call.ip);
    return {
      summary: `Credentials of instance ${call.instance} (${call.session}) were used from ${address} for ${event.eventSource} ${event.eventName}`,
      dedupKey: `${accountOf(event)}|${call.role}|${call.instance}|ipv${call.ip.family}`,
      resources: [call.session],
      distinctValue: address,
    };
  },
};

import type { AwsIpRanges } from '../helpers/aws-ip-ranges.js';
import { publishedAt } from '../helpers/aws-ip-ranges-file.js';
import {
  INSTANCE_SESSION_BYTES,
  instanceCredentialCallOf,
} from '../helpers/instance-credential-call.js';
import { formatIp, isPublicAddress, parseIp } from '../helpers/ip-address.js';
import type { Detector, RawHint } from '../types.js';

/**
 * An instance session's bytes, and a public source address outside the ranges
 * (the same test as `match`; addresses are ASCII).
 */
function hintFor(ranges: AwsIpRanges): RawHint {
  return {
    contains: INSTANCE_SESSION_BYTES,
    value: {
      key: 'sourceIPAddress',
      test: (text) => {
        const ip = parseIp(text);
        return ip !== undefined && isPublicAddress(ip) && !ranges.contains(ip);
      },
    },
  };
}

/** An EC2 instance's role credentials used from an address outside AWS's published ranges. */
export const instanceCredentialsOutsideAws: Detector = {
  id: 'instance-credentials-outside-aws',
  title: 'EC2 instance credentials used from outside AWS',
  severity: 'high',
  description:
    "A call was made with an EC2 instance profile's credentials (a role session named after " +
    'the instance, or one CloudTrail marks with sessionContext.ec2RoleDelivery) from a public ' +
    'IPv4 or IPv6 address outside the ranges AWS publishes in ip-ranges.json. An instance ' +
    'reaches AWS from its own public address, a NAT gateway or a VPC endpoint, all inside ' +
    'AWS, so a call from elsewhere means the credentials were taken from the instance ' +
    'metadata service (SSRF, a compromised workload) and used from the attacker’s machine. ' +
    'One call is enough; failed calls count too. Needs the ranges (`trailwatch ip-ranges ' +
    'update`, or the awsIpRangesFile setting): without them it stays quiet. Calls through VPC ' +
    'endpoints, by AWS services for the role, from private addresses, and the SSM agent and ' +
    'message channels are ignored. An attacker using the credentials from their own EC2 ' +
    'instance stays inside the ranges (instance-credentials-multiple-ips and GuardDuty ' +
    'InstanceCredentialExfiltration.InsideAWS cover that). Benign causes: instances whose ' +
    'traffic leaves through an on-premises proxy or firewall, Elastic IPs from your own ' +
    'ranges (BYOIP, which AWS does not list), a ranges file older than a new AWS prefix.',
  attack: ['T1552.005', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: (ctx) => {
    const ranges = ctx.settings.awsIpRanges;
    return ranges ? hintFor(ranges) : 'never';
  },
  match(event, ctx) {
    const ranges = ctx.settings.awsIpRanges;
    if (!ranges) return undefined;
    const call = instanceCredentialCallOf(event);
    if (!call || ranges.contains(call.ip)) return undefined;
    const failed = event.errorCode ? ` (failed: ${event.errorCode})` : '';
    const asOf = publishedAt(ranges.version.createDate);
    return {
      summary: `Credentials of instance ${call.instance} (${call.role}) were used from ${formatIp(call.ip)}, outside AWS's published ranges (as of ${asOf}), for ${event.eventSource} ${event.eventName}${failed}`,
      dedupKey: call.dedupKey,
      resources: [call.session],
    };
  },
};

import { desktopOsOf } from '../helpers/desktop-user-agent.js';
import {
  INSTANCE_SESSION_BYTES,
  instanceCredentialCallOf,
} from '../helpers/instance-credential-call.js';
import { formatIp } from '../helpers/ip-address.js';
import type { Detector, RawHint } from '../types.js';

/**
 * An instance session's bytes, and a user agent naming a desktop system (the same
 * test as `match`; user agents are ASCII as CloudTrail writes them, and records
 * with escapes are always parsed).
 */
const HINT: RawHint = {
  contains: INSTANCE_SESSION_BYTES,
  value: { key: 'userAgent', test: (text) => desktopOsOf(text) !== undefined },
};

/** An EC2 instance's role credentials used from a Mac or Windows computer. */
export const instanceCredentialsDesktopUserAgent: Detector = {
  id: 'instance-credentials-desktop-user-agent',
  title: 'EC2 instance credentials used from a desktop computer',
  severity: 'high',
  description:
    "A call was made with an EC2 instance profile's credentials (a role session named after " +
    'the instance, or one CloudTrail marks with sessionContext.ec2RoleDelivery) by a client ' +
    'whose user agent names macOS or Windows: Darwin/…, os/macos, Mac_OS_X, Windows/10, ' +
    'os/windows, a Macintosh or Windows NT browser. Instances run Linux (Windows Server ' +
    'user agents say Server), so these credentials were taken from the instance metadata ' +
    'service (SSRF, a compromised workload) and are being used from a laptop. One call is ' +
    'enough; failed calls count too, since probing stolen credentials fails first. Calls ' +
    'through VPC endpoints, by AWS services for the role, and the SSM agent and message ' +
    'channels are ignored. The user agent is chosen by the client: its absence proves ' +
    'nothing (see instance-credentials-outside-aws). Benign causes: EC2 Mac instances, ' +
    'Windows instances whose SDK reports only the kernel version (PowerShell, .NET on ' +
    'Windows Server 2016/2019), an engineer copying instance credentials to debug.',
  attack: ['T1552.005', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => HINT,
  match(event) {
    const call = instanceCredentialCallOf(event);
    if (!call) return undefined;
    const os = desktopOsOf(event.userAgent);
    if (!os) return undefined;
    const failed = event.errorCode ? ` (failed: ${event.errorCode})` : '';
    return {
      summary: `Credentials of instance ${call.instance} (${call.role}) were used from a ${os} computer at ${formatIp(call.ip)} for ${event.eventSource} ${event.eventName}${failed}`,
      dedupKey: call.dedupKey,
      resources: [call.session],
    };
  },
};

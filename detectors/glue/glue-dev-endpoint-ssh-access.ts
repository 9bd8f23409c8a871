import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { hasPrivilegedRoleName } from '../helpers/privileged-role-name.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** How many SSH keys the call installs: `publicKey`, `publicKeys[]`, `addPublicKeys[]`. */
function keysAdded(event: CloudTrailEvent): number {
  const request = event.requestParameters;
  const single = asString(getPath(request, 'publicKey'))?.trim() ? 1 : 0;
  const lists = ['publicKeys', 'addPublicKeys'].flatMap((k) =>
    asArray(getPath(request, k))
      .slice(0, 10)
      .filter((key) => typeof key === 'string' && key.trim() !== ''),
  );
  return single + lists.length;
}

/** A Glue development endpoint was created, or given new SSH keys. */
export const glueDevEndpointSshAccess: Detector = {
  id: 'glue-dev-endpoint-ssh-access',
  title: 'Glue development endpoint created or given SSH keys',
  severity: 'high',
  description:
    'CreateDevEndpoint created a Glue development endpoint (medium; high when its role is named ' +
    'like an administrator role), or UpdateDevEndpoint added SSH public keys to an existing one ' +
    '(high). A development endpoint is a machine reachable over SSH that runs with its Glue ' +
    "role: adding one's own key to someone else's endpoint, or creating one with a powerful " +
    'role (iam:PassRole), is a documented privilege escalation. A call refused for lack of ' +
    'permission is reported as an attempt one level lower. Calls through CloudFormation or ' +
    'another AWS service are ignored. Benign causes: data engineers using development ' +
    'endpoints (a legacy feature, Glue 1.0 and earlier) and rotating their keys.',
  attack: ['T1098.004', 'T1078.004', 'T1648'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/webapi/API_CreateDevEndpoint.html',
    'https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateDevEndpoint.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'glue.amazonaws.com', eventNames: ['CreateDevEndpoint', 'UpdateDevEndpoint'] },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const endpoint = requestField(event, 'endpointName') ?? 'an unnamed endpoint';
    const keys = keysAdded(event);
    const create = baseEventName(event.eventName) === 'CreateDevEndpoint';
    if (!create && keys === 0) return undefined;
    const role = requestField(event, 'roleArn');
    const privileged = hasPrivilegedRoleName(role);
    const severity: Severity | undefined = create && !privileged ? 'medium' : undefined;
    const what = create
      ? `created Glue development endpoint ${endpoint}${role ? ` with role ${role}` : ''}${keys > 0 ? ` and ${keys} SSH key(s)` : ''}`
      : `added ${keys} SSH key(s) to Glue development endpoint ${endpoint}`;
    return {
      summary: `${principalOf(event)} ${what}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${endpoint}`,
      resources: [endpoint, ...(role ? [role] : [])],
    };
  },
};

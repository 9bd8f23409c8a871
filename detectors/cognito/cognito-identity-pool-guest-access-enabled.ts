import { asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** A flag as set by the request, or as the pool now reports it in the response. */
function flag(event: CloudTrailEvent, key: string): boolean {
  return (
    isTrue(getPath(event.requestParameters, key)) || isTrue(getPath(event.responseElements, key))
  );
}

/** What the call opens to guests, in words about `pool`; undefined when it opens nothing. */
function guestChange(event: CloudTrailEvent, pool: string): string | undefined {
  if (event.eventName === 'SetIdentityPoolRoles') {
    const role = getPath(event.requestParameters, 'roles', 'unauthenticated');
    const arn = asString(role)?.trim();
    return arn
      ? `set the guest (unauthenticated) role of identity pool ${pool} to ${arn.slice(0, 256)}`
      : undefined;
  }
  const opened: string[] = [];
  if (flag(event, 'allowUnauthenticatedIdentities')) opened.push('unauthenticated identities');
  if (flag(event, 'allowClassicFlow')) opened.push('the basic (classic) authentication flow');
  if (opened.length === 0) return undefined;
  const verb = event.eventName === 'CreateIdentityPool' ? 'created' : 'updated';
  return `${verb} identity pool ${pool} allowing ${opened.join(' and ')}`;
}

function poolOf(event: CloudTrailEvent): string {
  const id =
    asString(getPath(event.requestParameters, 'identityPoolId')) ??
    asString(getPath(event.responseElements, 'identityPoolId')) ??
    asString(getPath(event.requestParameters, 'identityPoolName'));
  return id?.trim() || 'an unnamed identity pool';
}

/** A Cognito identity pool opened to guests: anyone with its id gets AWS credentials. */
export const cognitoIdentityPoolGuestAccessEnabled: Detector = {
  id: 'cognito-identity-pool-guest-access-enabled',
  title: 'Cognito identity pool opened to unauthenticated users',
  severity: 'medium',
  description:
    'CreateIdentityPool or UpdateIdentityPool allowed unauthenticated identities or the basic ' +
    '(classic) flow, or SetIdentityPoolRoles set the role guests receive. With guest access, ' +
    'anyone who knows the pool id (it ships inside the app) gets AWS credentials for that role ' +
    'without signing in; the basic flow also lets callers pick any role that trusts the pool. ' +
    'An intruder uses this as a back door that needs no account of theirs, or swaps a powerful ' +
    'role in as the guest role. UpdateIdentityPool restates the whole configuration, so pools ' +
    'that already allowed guests match on every update. Refused attempts are reported too ' +
    '(one level lower). Benign causes: apps with deliberate guest access (analytics, public ' +
    'maps), their deployments.',
  attack: ['T1098', 'T1556'],
  references: [
    'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html',
    'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_UpdateIdentityPool.html',
    'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'cognito-identity.amazonaws.com',
      eventNames: ['CreateIdentityPool', 'UpdateIdentityPool', 'SetIdentityPoolRoles'],
    },
  ],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const pool = poolOf(event);
    const change = guestChange(event, pool);
    if (!change) return undefined;
    return {
      summary: `${principalOf(event)} ${change}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${pool}`,
      resources: [pool],
    };
  },
};

import { principalForDedup, principalOf } from '../helpers/identity.js';
import { untrustedOrganizationGrant } from '../helpers/lambda-org-grant.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A function or layer granted to every account of an organisation that is not ours. */
export const lambdaPermissionUntrustedOrganization: Detector = {
  id: 'lambda-permission-untrusted-organization',
  title: 'Lambda function or layer shared with an untrusted organisation',
  severity: 'high',
  description:
    'AddPermission granted a function to `*` limited only by principalOrgID, or ' +
    'AddLayerVersionPermission granted a layer version to `*` limited only by organizationId, ' +
    'and that organisation is not in trustedOrganizationIds. The condition looks like a ' +
    'restriction but admits every account of the named organisation: an attacker names an ' +
    'organisation they own and can then invoke the function (or its function URL with IAM ' +
    'auth) or download the layer code from there. High when trustedOrganizationIds is set; ' +
    'medium when it is empty, since ours cannot be told from a stranger’s. A grant also pinned ' +
    'by sourceAccount or an exact sourceArn is not flagged (a direct caller lacks those keys). ' +
    'Benign causes: sharing with a partner organisation, or an organisation of ours missing ' +
    'from trustedOrganizationIds.',
  attack: ['T1098'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html',
    'https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'lambda.amazonaws.com',
      eventNames: ['AddPermission', 'AddLayerVersionPermission'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const grant = untrustedOrganizationGrant(event, ctx.settings);
    if (!grant) return undefined;
    return {
      summary: `${principalOf(event)} granted ${grant.action} on ${grant.kind} ${grant.resource} to every account of organization ${grant.organization}`,
      severity: grant.severity,
      dedupKey: `${grant.owner}|${principalForDedup(event)}|${grant.kind}|${grant.resource}|${grant.organization}`,
      resources: [grant.resource],
    };
  },
};

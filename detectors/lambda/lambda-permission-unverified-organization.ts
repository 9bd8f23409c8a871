import { principalForDedup, principalOf } from '../helpers/identity.js';
import { unverifiedOrganizationGrant } from '../helpers/lambda-org-grant.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A function or layer granted to a whole organisation while none are listed as ours. */
export const lambdaPermissionUnverifiedOrganization: Detector = {
  id: 'lambda-permission-unverified-organization',
  title: 'Lambda function or layer shared with an organisation nobody listed as ours',
  severity: 'medium',
  description:
    'AddPermission granted a function to `*` limited only by principalOrgID, or ' +
    'AddLayerVersionPermission granted a layer version to `*` limited only by organizationId, ' +
    'while trustedOrganizationIds is empty. The condition looks like a restriction but admits ' +
    'every account of the named organisation, and an attacker can name one they own; with no ' +
    'organisations configured, ours cannot be told apart, so this is medium. Once ' +
    'trustedOrganizationIds is set this detector stays quiet and ' +
    'lambda-permission-public-or-cross-account reports grants to other organisations. A grant ' +
    'also pinned by sourceAccount or an exact sourceArn is not flagged (a direct caller lacks ' +
    'those keys). Benign causes: sharing within your own organisation before ' +
    'trustedOrganizationIds is configured.',
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
    const grant = unverifiedOrganizationGrant(event, ctx.settings);
    if (!grant) return undefined;
    return {
      summary: `${principalOf(event)} granted ${grant.action} on ${grant.kind} ${grant.resource} to every account of organization ${grant.organization} (no trustedOrganizationIds configured)`,
      severity: grant.severity,
      dedupKey: `${grant.owner}|${principalForDedup(event)}|${grant.kind}|${grant.resource}|${grant.organization}`,
      resources: [grant.resource],
    };
  },
};

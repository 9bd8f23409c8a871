import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { unpinnedCiIssuers } from '../helpers/oidc-trust.js';
import { succeeded } from '../helpers/outcome.js';
import {
  describeOutside,
  isDirect,
  outsideAccess,
  ownershipOf,
  readPolicy,
} from '../semantics/index.js';
import type { Detector, Severity } from '../types.js';

/** A role's trust policy now lets anyone, a foreign account, or any CI repository assume it. */
export const iamRoleTrustPolicyBackdoor: Detector = {
  id: 'iam-role-trust-policy-backdoor',
  title: 'Role trust policy lets outsiders assume the role',
  severity: 'high',
  description:
    'UpdateAssumeRolePolicy or CreateRole succeeded with a trust policy that lets someone outside ' +
    'the account assume the role, judged as AWS evaluates the policy: `*` (or NotPrincipal) ' +
    'with conditions an outsider can meet, such as an external id or a wildcard principal ARN ' +
    '(critical), an AWS principal in an account that is neither the role owner nor in ' +
    'trustedAccounts, or an organisation outside trustedOrganizationIds (high), or a shared CI identity provider (GitHub Actions, GitLab.com, ' +
    'Terraform Cloud) without a `sub` condition pinning tokens to your organisation (high: any ' +
    'repository on that service could assume the role). A backdoored trust policy is a classic ' +
    'persistence step. Service principals, your own and trusted accounts, and SAML providers do ' +
    'not fire. Benign causes: vendor or partner roles for accounts missing from trustedAccounts.',
  attack: ['T1098.003', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
    'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'iam.amazonaws.com', eventNames: ['UpdateAssumeRolePolicy', 'CreateRole'] },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const key = event.eventName === 'CreateRole' ? 'assumeRolePolicyDocument' : 'policyDocument';
    const policy = readPolicy(getPath(event.requestParameters, key));
    if (!policy) return undefined;
    const own = accountOf(event);
    const exposures = outsideAccess(policy, ownershipOf(own, ctx.settings))
      .filter((g) => isDirect(g.who))
      .map((g) => describeOutside(g.who));
    const issuers = [...new Set(policy.statements.flatMap(unpinnedCiIssuers))].map(
      (issuer) => `any ${issuer} identity`,
    );
    const who = [...exposures, ...issuers];
    if (who.length === 0) return undefined;
    const severity: Severity = exposures[0] === 'anyone' ? 'critical' : 'high';
    const role = requestString(event, 'roleName') ?? 'unknown role';
    return {
      summary: `${principalOf(event)} let ${who.join(', ')} assume role ${role}`,
      dedupKey: `${own}|${principalForDedup(event)}|${role}`,
      // CreateRole returns the ARN (with any path); UpdateAssumeRolePolicy names the role only.
      resources: [asString(getPath(event.responseElements, 'role', 'arn')) ?? role],
      severity,
    };
  },
};

import { asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  describeOutside,
  isDirect,
  outsideAccess,
  ownershipOf,
  readPolicy,
} from '../semantics/index.js';
import type { Detector } from '../types.js';

/** A secret's resource policy now lets anyone, or an untrusted account, in. */
export const secretsPolicyPublic: Detector = {
  id: 'secrets-policy-public',
  title: 'Secret resource policy opened to the public or another account',
  severity: 'high',
  description:
    'Secrets Manager PutResourcePolicy succeeded with a policy that, judged as AWS evaluates ' +
    'it, lets in anyone (`*` with conditions an outsider can meet and no Deny that certainly ' +
    'stops them), an AWS principal (or a condition such as aws:PrincipalAccount) in an account ' +
    'that is neither the secret owner nor in trustedAccounts, or an organisation outside ' +
    'trustedOrganizationIds. Whoever is let in can read the secret value, if the key policy of its ' +
    'KMS key also allows them. BlockPublicPolicy normally rejects public policies, so a public ' +
    'one means it was turned off. Benign causes: sharing a secret with a partner or ' +
    'workload account missing from trustedAccounts.',
  attack: ['T1098', 'T1552'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutResourcePolicy.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['PutResourcePolicy'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const policy = readPolicy(getPath(event.requestParameters, 'resourcePolicy'));
    if (!policy) return undefined;
    const secret =
      asString(getPath(event.responseElements, 'arn'))?.trim() ||
      asString(getPath(event.requestParameters, 'secretId'))?.trim() ||
      'an unnamed secret';
    const own = accountFromArn(secret) ?? accountOf(event);
    const grants = outsideAccess(policy, ownershipOf(own, ctx.settings)).filter((g) =>
      isDirect(g.who),
    );
    if (grants.length === 0) return undefined;
    return {
      summary: `${principalOf(event)} opened secret ${secret} to ${grants.map((g) => describeOutside(g.who)).join(', ')}`,
      dedupKey: `${own}|${principalForDedup(event)}|SecretPolicy|${secret}`,
      resources: [secret],
    };
  },
};

import { asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A secret's value read with credentials of another AWS account. */
export const secretsReadByOtherAccount: Detector = {
  id: 'secrets-read-by-other-account',
  title: 'Secret read by another AWS account',
  severity: 'high',
  description:
    'GetSecretValue succeeded for a caller from an account other than the one that owns the ' +
    'secret, and that account is not listed in trustedAccounts. Cross-account reads need a ' +
    'resource policy on the secret and a KMS key policy that let the other account in; an ' +
    'intruder who wrote those, or found them too wide, reads the secret from an account of ' +
    'their own. Also catches BatchGetSecretValue, through the GetSecretValue record AWS ' +
    'writes per secret. Medium while trustedAccounts is empty (every other account then looks ' +
    'foreign, the organisation’s own included): list the organisation’s accounts to make it ' +
    'precise. Benign causes: sharing with a partner or an account of the organisation not yet ' +
    'listed.',
  attack: ['T1555.006', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 86400,
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['GetSecretValue'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const id = event.userIdentity;
    if (!id || id.type === 'AWSService' || id.invokedBy) return undefined;
    const caller = id.accountId ?? accountFromArn(id.arn ?? undefined);
    const secretId = asString(getPath(event.requestParameters, 'secretId'))?.trim();
    const owner = accountFromArn(secretId) ?? event.recipientAccountId ?? undefined;
    if (!caller || !owner || caller === owner) return undefined;
    if (ctx.settings.trustedAccounts.includes(caller)) return undefined;
    return {
      summary: `${principalOf(event)} (account ${caller}) read secret ${secretId ?? 'unnamed'} of account ${owner}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${owner}|cross-account-secret`,
      resources: secretId ? [secretId] : [],
      severity: ctx.settings.trustedAccounts.length > 0 ? 'high' : 'medium',
    };
  },
};

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
import type { CloudTrailEvent, Detector } from '../types.js';

/** The key's ARN when CreateKey returns one, else the id or ARN the request names. */
function keyOf(event: CloudTrailEvent): string {
  return (
    asString(getPath(event.responseElements, 'keyMetadata', 'arn'))?.trim() ||
    asString(getPath(event.requestParameters, 'keyId'))?.trim() ||
    'a new key'
  );
}

/** A KMS key policy now lets anyone, or an untrusted account, use or manage the key. */
export const kmsKeyPolicyOpened: Detector = {
  id: 'kms-key-policy-opened',
  title: 'KMS key policy opened to the public or another account',
  severity: 'high',
  description:
    'PutKeyPolicy or CreateKey succeeded with a key policy that, judged as AWS evaluates it, ' +
    'lets in anyone: `*` with conditions an outsider can meet and no Deny that certainly stops ' +
    'them (critical: anyone with an AWS account can use the key as far as the actions allow), ' +
    'or an AWS principal, or a condition such as kms:CallerAccount, naming an account that is ' +
    'neither the key owner nor in trustedAccounts, or an organisation outside ' +
    'trustedOrganizationIds (high). Sharing a key is how ' +
    'attackers read data they copied out (snapshots, backups) or lock victims out. The default ' +
    'key policy (the owning account root) and AWS-managed-style policies pinned to ' +
    'kms:CallerAccount and kms:ViaService do not fire. Benign causes: cross-account ' +
    'encryption for backups or log delivery with accounts missing from trustedAccounts.',
  attack: ['T1098', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  ],
  runbook: 'kms-key-loss',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'kms.amazonaws.com', eventNames: ['PutKeyPolicy', 'CreateKey'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    // CreateKey without a policy gets the default one: nothing to judge.
    const policy = readPolicy(getPath(event.requestParameters, 'policy'));
    if (!policy) return undefined;
    const key = keyOf(event);
    const own = accountFromArn(key) ?? accountOf(event);
    const grants = outsideAccess(policy, ownershipOf(own, ctx.settings)).filter((g) =>
      isDirect(g.who),
    );
    if (grants.length === 0) return undefined;
    const who = grants.map((g) => describeOutside(g.who));
    return {
      summary: `${principalOf(event)} opened KMS key ${key} to ${who.join(', ')}`,
      dedupKey: `${own}|${principalForDedup(event)}|kms-policy|${key}`,
      resources: [key],
      severity: grants[0]?.who.kind === 'anyone' ? 'critical' : 'high',
    };
  },
};

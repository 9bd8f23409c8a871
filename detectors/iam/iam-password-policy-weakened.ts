import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** CIS AWS Foundations 1.8 / Security Hub IAM.15. */
const MIN_LENGTH = 14;
/** CIS AWS Foundations 1.9 / Security Hub IAM.16. */
const MIN_REUSE_PREVENTION = 24;
/** Security Hub IAM.7 (and CIS 1.2's 1.5-1.8): each character class required. */
const CHARACTER_CLASSES = [
  ['requireUppercaseCharacters', 'uppercase'],
  ['requireLowercaseCharacters', 'lowercase'],
  ['requireNumbers', 'numbers'],
  ['requireSymbols', 'symbols'],
] as const;

function numberField(event: CloudTrailEvent, key: string): number | undefined {
  const raw = getPath(event.requestParameters, key);
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * What the new policy falls short of. UpdateAccountPasswordPolicy is not a
 * partial update: a parameter left out reverts to its default (short minimum,
 * no character classes, no reuse prevention), so absent counts as weak.
 */
function weaknesses(event: CloudTrailEvent): string[] {
  const out: string[] = [];
  const length = numberField(event, 'minimumPasswordLength');
  if (length === undefined || length < MIN_LENGTH)
    out.push(`minimum length ${length ?? 'default'}`);
  const reuse = numberField(event, 'passwordReusePrevention');
  if (reuse === undefined || reuse < MIN_REUSE_PREVENTION)
    out.push(`reuse prevention ${reuse ?? 'off'}`);
  for (const [key, label] of CHARACTER_CLASSES) {
    if (!isTrue(getPath(event.requestParameters, key))) out.push(`no ${label} required`);
  }
  return out;
}

/** The account password policy was deleted or set below the CIS baseline. */
export const iamPasswordPolicyWeakened: Detector = {
  id: 'iam-password-policy-weakened',
  title: 'Account password policy deleted or weakened',
  severity: 'medium',
  description:
    'DeleteAccountPasswordPolicy succeeded (high: IAM falls back to its weakest defaults), or ' +
    'UpdateAccountPasswordPolicy set a policy below the CIS baseline: minimum length under 14 ' +
    '(CIS 1.8), reuse prevention under 24 (CIS 1.9), or any of uppercase, lowercase, numbers, ' +
    'symbols not required (Security Hub IAM.7). Parameters left out of the update revert to ' +
    'their defaults, so they count as weak. Password expiry is not judged: current CIS and NIST ' +
    'SP 800-63B guidance no longer asks for periodic rotation. Attackers weaken the policy to ' +
    'set easy passwords on users they create. Benign causes: a deliberate policy choice, ' +
    'infrastructure-as-code applying an organisation baseline that differs from CIS.',
  attack: ['T1556', 'T1562'],
  references: [
    'CIS 1.8',
    'CIS 1.9',
    'IAM.7',
    'IAM.15',
    'IAM.16',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: ['DeleteAccountPasswordPolicy', 'UpdateAccountPasswordPolicy'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const account = accountOf(event);
    if (event.eventName === 'DeleteAccountPasswordPolicy') {
      return {
        summary: `${principalOf(event)} deleted the account password policy of ${account}`,
        dedupKey: `${account}|password-policy`,
        resources: [account],
        severity: 'high',
      };
    }
    const weak = weaknesses(event);
    if (weak.length === 0) return undefined;
    return {
      summary: `${principalOf(event)} set a weak account password policy (${weak.join(', ')})`,
      dedupKey: `${account}|password-policy`,
      resources: [account],
    };
  },
};

import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

function text(value: unknown): string | undefined {
  const s = asString(value)?.trim();
  return s ? s : undefined;
}

/** The trust anchor or profile acted on: the ARN AWS returns, else what the request names. */
function targetOf(event: CloudTrailEvent): string {
  return (
    text(getPath(event.responseElements, 'trustAnchor', 'trustAnchorArn')) ??
    text(getPath(event.responseElements, 'profile', 'profileArn')) ??
    text(getPath(event.requestParameters, 'trustAnchorId')) ??
    text(getPath(event.requestParameters, 'name')) ??
    'unknown'
  );
}

/** What the change lets in: the certificate source of an anchor, or the roles of a profile. */
function detail(event: CloudTrailEvent): string {
  const source = text(getPath(event.requestParameters, 'source', 'sourceType'));
  if (source) return ` (certificate source ${source})`;
  const roles = asArray(getPath(event.requestParameters, 'roleArns'))
    .map(text)
    .filter((r): r is string => r !== undefined);
  return roles.length > 0 ? ` for roles ${roles.slice(0, 5).join(', ')}` : '';
}

const VERBS: ReadonlyMap<string, string> = new Map([
  ['CreateTrustAnchor', 'created IAM Roles Anywhere trust anchor'],
  ['UpdateTrustAnchor', 'updated IAM Roles Anywhere trust anchor'],
  ['CreateProfile', 'created IAM Roles Anywhere profile'],
]);

/** A certificate authority was trusted to hand out role credentials outside AWS. */
export const rolesanywhereTrustAnchorCreated: Detector = {
  id: 'rolesanywhere-trust-anchor-created',
  title: 'IAM Roles Anywhere trust anchor or profile created',
  severity: 'medium',
  description:
    'IAM Roles Anywhere CreateTrustAnchor, UpdateTrustAnchor or CreateProfile succeeded. A ' +
    'trust anchor makes a certificate authority able to exchange certificates for role ' +
    'credentials from anywhere on the internet; an attacker who registers their own CA bundle ' +
    'and a profile for a role they like gets credentials that survive key rotation and never ' +
    'touch IAM users. Benign causes: on-premises servers or CI runners onboarded to Roles ' +
    'Anywhere with the organisation PKI.',
  attack: ['T1098', 'T1556'],
  references: [
    'https://docs.aws.amazon.com/rolesanywhere/latest/userguide/getting-started.html',
    'https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_CreateTrustAnchor.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'rolesanywhere.amazonaws.com', eventNames: [...VERBS.keys()] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const verb = VERBS.get(event.eventName);
    if (!verb) return undefined;
    const target = targetOf(event);
    return {
      summary: `${principalOf(event)} ${verb} ${target}${detail(event)}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${target}`,
      resources: [target],
    };
  },
};

import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A managed policy's default version was switched: whoever holds it gets that version's rights. */
export const iamPolicyDefaultVersionChanged: Detector = {
  id: 'iam-policy-default-version-changed',
  title: 'Managed policy default version changed',
  severity: 'medium',
  description:
    'SetDefaultPolicyVersion succeeded. A policy keeps up to five versions; making an older, ' +
    'more permissive one the default again is a known privilege escalation that leaves no new ' +
    'policy document to review (iam:SetDefaultPolicyVersion alone is enough). Compare the ' +
    'chosen version with the previous default. Benign causes: rolling back a bad policy ' +
    'change, deployment tools that manage versions explicitly.',
  attack: ['T1098', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['SetDefaultPolicyVersion'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const policy = requestString(event, 'policyArn') ?? 'unknown policy';
    const version = asString(getPath(event.requestParameters, 'versionId')) ?? 'unknown version';
    return {
      summary: `${principalOf(event)} made ${version} the default version of ${policy}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${policy}`,
      resources: [policy],
    };
  },
};

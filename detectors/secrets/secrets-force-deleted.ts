import { asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A secret deleted with no recovery window: it cannot be restored. */
export const secretsForceDeleted: Detector = {
  id: 'secrets-force-deleted',
  title: 'Secret deleted without a recovery window',
  severity: 'high',
  description:
    'DeleteSecret succeeded with forceDeleteWithoutRecovery. The secret is gone at once, with ' +
    'no 7-30 day window in which RestoreSecret could bring it back, so whatever depended on ' +
    'it breaks for good: destruction or cover-up after credentials were used. Deletions with ' +
    'a recovery window are not flagged. Benign causes: tearing down test stacks, recreating a ' +
    'secret under the same name right away.',
  attack: ['T1485', 'T1070'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['DeleteSecret'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (!isTrue(getPath(event.requestParameters, 'forceDeleteWithoutRecovery'))) return undefined;
    const secret =
      asString(getPath(event.responseElements, 'arn'))?.trim() ||
      asString(getPath(event.requestParameters, 'secretId'))?.trim() ||
      'an unnamed secret';
    return {
      summary: `${principalOf(event)} force-deleted secret ${secret} without recovery`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteSecret|${secret}`,
      resources: [secret],
    };
  },
};

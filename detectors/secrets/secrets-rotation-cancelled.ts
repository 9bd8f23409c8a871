import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Automatic rotation of a secret was turned off: a stolen value now stays valid. */
export const secretsRotationCancelled: Detector = {
  id: 'secrets-rotation-cancelled',
  title: 'Secret rotation turned off',
  severity: 'medium',
  description:
    'CancelRotateSecret succeeded: the secret no longer rotates on its schedule. Rotation is ' +
    'what limits how long a leaked database password or API key stays useful, so an intruder ' +
    'who has read a secret turns it off to keep the value working. Refused attempts are ' +
    'reported too (one level lower). Benign causes: a rotation function that keeps failing ' +
    'and is switched off while it is fixed, a secret being retired.',
  attack: ['T1098', 'T1555.006'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CancelRotateSecret.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['CancelRotateSecret'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.userIdentity?.type === 'AWSService') return undefined;
    const secret = requestField(event, 'secretId') ?? 'an unnamed secret';
    return {
      summary: `${principalOf(event)} turned off rotation of secret ${secret}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${secret}`,
      resources: [secret],
    };
  },
};

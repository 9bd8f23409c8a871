import { actorOf } from '../helpers/actor.js';
import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { secretKeyOf } from '../helpers/secret-id.js';
import type { Detector } from '../types.js';

/** A principal read the value of a secret it had not read in the last 90 days. */
export const secretsFirstReadByPrincipal: Detector = {
  id: 'secrets-first-read-by-principal',
  title: 'Secret read by a principal for the first time',
  severity: 'low',
  description:
    'A principal read the value of a secret (GetSecretValue) that it had not read in 90 days, ' +
    'after a 7-day learning period. Applications read the same few secrets again and again, ' +
    'so a known role reaching for a new secret, or a new principal reading one at all, is how ' +
    'credential theft after a foothold looks; a handful of these from one principal is worth ' +
    'a look even below the secrets-bulk-read volume. A secret read by name and by ARN counts ' +
    'once; IAM Identity Center users are told apart by session name, other roles by role; ' +
    'BatchGetSecretValue is covered through the GetSecretValue record AWS writes for each ' +
    'secret it returns. Reads AWS services make on a principal’s behalf are ignored. Benign ' +
    'causes: a new deployment or service, a rotated secret read under a new name, an engineer ' +
    'debugging.',
  attack: ['T1555.006'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['GetSecretValue'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const id = asString(getPath(event.requestParameters, 'secretId'));
    const secret = secretKeyOf(id, event.awsRegion);
    if (!id || !secret) return undefined;
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} read secret ${id.trim()} for the first time`,
      dedupKey: actor,
      resources: [id.trim()],
      firstSeenKey: `${actor}|${secret}`,
    };
  },
};

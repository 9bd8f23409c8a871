import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { secretKeyOf } from '../helpers/secret-id.js';
import type { Detector } from '../types.js';

/** One principal reading the values of many different secrets within a day. */
export const secretsBulkRead: Detector = {
  id: 'secrets-bulk-read',
  title: 'Many Secrets Manager secrets read by one principal',
  severity: 'high',
  description:
    'One principal read the values of at least 20 different secrets (GetSecretValue) within 24 ' +
    'hours. Applications read the few secrets they need, again and again; harvesting many ' +
    'different ones is what an intruder does after landing on a role that can. ' +
    'BatchGetSecretValue is covered too: AWS writes a GetSecretValue record for every secret ' +
    'a batch returns, so the batch call itself is not counted again. Reads that AWS services ' +
    'make on a principal’s behalf (CloudFormation resolving dynamic references) are ignored. ' +
    'Benign causes: secret-sync tools (External Secrets, Vault), backup or rotation jobs, a ' +
    'platform team auditing secrets.',
  attack: ['T1555.006', 'T1552'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 86400,
  threshold: { count: 20, windowSeconds: 86400, distinct: true },
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['GetSecretValue'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const secret = secretKeyOf(getPath(event.requestParameters, 'secretId'), event.awsRegion);
    if (!secret) return undefined;
    const id = asString(getPath(event.requestParameters, 'secretId'))?.trim() ?? secret;
    return {
      summary: `${principalOf(event)} read secret ${id}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|GetSecretValue`,
      resources: [id],
      distinctValue: secret,
    };
  },
};

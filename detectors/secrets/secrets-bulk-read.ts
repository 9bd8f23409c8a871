import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>` */
const SECRET_ARN = /^arn:[^:]+:secretsmanager:([^:]*):\d{12}:secret:(.+?)(?:-[A-Za-z0-9]{6})?$/;

/**
 * One spelling per secret, so reading it by name and by ARN counts once: the
 * name without the random ARN suffix, qualified by region (same names in two
 * regions are two secrets).
 */
function secretKey(event: CloudTrailEvent): string | undefined {
  const id = asString(getPath(event.requestParameters, 'secretId'))?.trim();
  if (!id) return undefined;
  const arn = SECRET_ARN.exec(id);
  if (arn) return `${arn[1] || event.awsRegion || ''}:${arn[2]}`;
  return `${event.awsRegion ?? ''}:${id}`;
}

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
    const secret = secretKey(event);
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

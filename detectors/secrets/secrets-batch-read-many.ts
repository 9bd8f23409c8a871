import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asArray, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { secretKeyOf } from '../helpers/secret-id.js';
import type { Detector } from '../types.js';

/** BatchGetSecretValue takes at most 20 ids; a longer list is hostile input, cut to a bound. */
const MAX_IDS = 100;

/** One principal reading many different secrets through BatchGetSecretValue lists within a day. */
export const secretsBatchReadMany: Detector = {
  id: 'secrets-batch-read-many',
  title: 'Many secrets read in batches by one principal',
  severity: 'high',
  description:
    'One principal read the values of at least 20 different secrets within 24 hours through ' +
    'BatchGetSecretValue with an explicit secretIdList, counted per secret (by name and ARN ' +
    'alike). The batch API exists to read many secrets in one call, which is what a harvester ' +
    'wants: up to 20 per request. secrets-bulk-read counts the GetSecretValue records AWS also ' +
    'writes per secret; this detector reads the batch record itself, so it still fires where ' +
    'only the batch call is collected (an EventBridge rule or event selector on ' +
    'BatchGetSecretValue). Batches built with filters are judged by ' +
    'secrets-batch-read-broad-filter. Reads AWS services make on a principal’s behalf are ' +
    'ignored. Benign causes: secret-sync tools and agents that load every secret of an ' +
    'application at start-up, backup or audit jobs.',
  attack: ['T1555.006'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieve-ct-entries.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 86400,
  threshold: { count: 20, windowSeconds: 86400, distinct: true },
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['BatchGetSecretValue'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const ids = asArray(getPath(event.requestParameters, 'secretIdList'))
      .slice(0, MAX_IDS)
      .filter((id): id is string => typeof id === 'string');
    const byKey = new Map<string, string>();
    for (const id of ids) {
      const key = secretKeyOf(id, event.awsRegion);
      if (key && !byKey.has(key)) byKey.set(key, id.trim());
    }
    if (byKey.size === 0) return undefined;
    const names = [...byKey.values()];
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    return {
      summary: `${principalOf(event)} read ${names.length} secret(s) in one batch: ${shown}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BatchGetSecretValue`,
      resources: names,
      distinctValues: [...byKey.keys()],
    };
  },
};

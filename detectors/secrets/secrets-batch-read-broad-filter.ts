import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The API allows a handful of filters of up to 10 values; more is hostile input, cut to a bound. */
const MAX_FILTERS = 20;
const MAX_VALUES = 20;

/**
 * Why a filter selects (nearly) every secret, or undefined when it is narrow.
 * `all` searches every attribute of every secret; a value starting with `!`
 * negates, so it selects everything except a few; a blank value has nothing
 * to narrow with.
 */
function broadness(filter: unknown): string | undefined {
  const key = asString(getPath(filter, 'key'))?.trim() ?? '';
  if (key.toLowerCase() === 'all') return 'filter key "all"';
  const values = asArray(getPath(filter, 'values')).slice(0, MAX_VALUES);
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text.startsWith('!')) return `negated ${key || 'filter'} value "${text.slice(0, 64)}"`;
    if (text === '') return `blank ${key || 'filter'} value`;
  }
  return undefined;
}

function broadFilterOf(event: CloudTrailEvent): string | undefined {
  const filters = asArray(getPath(event.requestParameters, 'filters')).slice(0, MAX_FILTERS);
  for (const filter of filters) {
    const why = broadness(filter);
    if (why) return why;
  }
  return undefined;
}

/** BatchGetSecretValue with a filter that selects every secret, or everything but a few. */
export const secretsBatchReadBroadFilter: Detector = {
  id: 'secrets-batch-read-broad-filter',
  title: 'Secrets read in bulk with a catch-all or negated filter',
  severity: 'high',
  description:
    'BatchGetSecretValue was called with filters instead of a list of secrets, and one filter ' +
    'selects (nearly) everything: the key "all" (which searches every attribute), a value ' +
    'starting with "!" (a negation: every secret except those), or a blank value. Applications ' +
    'fetch their own secrets by name or by a precise tag; a sweep like this is how a harvester ' +
    'empties the store without knowing its names. Refused attempts are reported too (one ' +
    'level lower): a probe with stolen credentials. Narrow filters do not match; the ' +
    'GetSecretValue records AWS writes for every secret returned still feed ' +
    'secrets-bulk-read. Benign causes: migration or backup tooling that copies every secret, ' +
    'an administrator auditing the store.',
  attack: ['T1555.006'],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Filter.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'secretsmanager.amazonaws.com', eventNames: ['BatchGetSecretValue'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const why = broadFilterOf(event);
    if (!why) return undefined;
    return {
      summary: `${principalOf(event)} read secrets in bulk with a ${why}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|batch-filter`,
      resources: [`secretsmanager:${event.awsRegion ?? 'unknown-region'}:*`],
    };
  },
};

import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** Less than a year of configuration history is too little for most investigations and audits. */
const SHORT_RETENTION_DAYS = 365;

function retentionDays(request: unknown): number | undefined {
  const raw = getPath(request, 'retentionPeriodInDays');
  const days = typeof raw === 'string' && /^\s*\d{1,5}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof days === 'number' && Number.isFinite(days) ? days : undefined;
}

/** AWS Config told to keep its configuration history for a short time. */
export const configHistoryRetentionShortened: Detector = {
  id: 'config-history-retention-shortened',
  title: 'AWS Config history retention shortened',
  severity: 'medium',
  description:
    `PutRetentionConfiguration set the retention of configuration items to less than ` +
    `${SHORT_RETENTION_DAYS} days (AWS allows 30 to 2,557; the default is 2,557, seven ` +
    'years). AWS Config deletes older history, so what a resource looked like before an ' +
    'attacker changed it can no longer be shown. DeleteRetentionConfiguration restores the ' +
    'seven-year default and does not alert. Denied attempts are reported one level lower. ' +
    'Benign causes: cost tuning in sandbox accounts with no audit obligation.',
  attack: ['T1562.008', 'T1070'],
  references: [
    'https://docs.aws.amazon.com/config/latest/APIReference/API_PutRetentionConfiguration.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/delete-config-data-with-retention-period.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'config.amazonaws.com', eventNames: ['PutRetentionConfiguration'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const days = retentionDays(event.requestParameters);
    if (days === undefined || days >= SHORT_RETENTION_DAYS) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} set AWS Config history retention to ${days} days in ${region}`,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|ConfigRetention`,
      resources: [`AWS Config in ${region}`],
    };
  },
};

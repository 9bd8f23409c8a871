import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** The organisation-wide view of AWS Config lost: an aggregator or an account's authorisation to one. */
export const configAggregatorDeleted: Detector = {
  id: 'config-aggregator-deleted',
  title: 'AWS Config aggregator or authorization deleted',
  severity: 'medium',
  description:
    'DeleteConfigurationAggregator removed the aggregator that collects configuration and ' +
    'compliance data from many accounts and regions into one view, or ' +
    'DeleteAggregationAuthorization withdrew an account from an aggregator it fed. The ' +
    'security team stops seeing that account or region centrally while it keeps recording ' +
    'locally. Calls through service-linked roles are ignored. Denied attempts are reported ' +
    'one level lower. Benign causes: rebuilding the aggregator, moving the delegated ' +
    'administrator, closing accounts.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConfigurationAggregator.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteAggregationAuthorization.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'config.amazonaws.com',
      eventNames: ['DeleteConfigurationAggregator', 'DeleteAggregationAuthorization'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (baseEventName(event.eventName) === 'DeleteConfigurationAggregator') {
      const aggregator = requestField(event, 'configurationAggregatorName') ?? 'unknown aggregator';
      return {
        summary: `${principalOf(event)} deleted Config aggregator ${aggregator}`,
        dedupKey: `${accountOf(event)}|${principalForDedup(event)}|Aggregator|${aggregator}`,
        resources: [aggregator],
      };
    }
    const to = requestField(event, 'authorizedAccountId') ?? 'an unknown account';
    const region = requestField(event, 'authorizedAwsRegion') ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} withdrew the authorization of aggregator account ${to} (${region}) to collect Config data`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|AggregationAuthorization|${to}`,
      resources: [to],
    };
  },
};

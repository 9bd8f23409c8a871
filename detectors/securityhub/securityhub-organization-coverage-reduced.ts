import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

interface Verdict {
  readonly what: string;
  readonly severity: Severity;
}

function judge(event: CloudTrailEvent): Verdict | undefined {
  const request = event.requestParameters;
  switch (baseEventName(event.eventName)) {
    case 'DisableOrganizationAdminAccount':
      return {
        what: `removed ${requestField(event, 'AdminAccountId') ?? 'the'} Security Hub delegated administrator`,
        severity: 'high',
      };
    case 'DeleteFindingAggregator':
      return { what: 'deleted the cross-Region finding aggregator', severity: 'medium' };
    case 'UpdateOrganizationConfiguration': {
      if (isFalse(getPath(request, 'AutoEnable'))) {
        return { what: 'stopped enabling Security Hub in new member accounts', severity: 'medium' };
      }
      const standards = asString(getPath(request, 'AutoEnableStandards'))?.trim().toUpperCase();
      return standards === 'NONE'
        ? { what: 'stopped enabling default standards in new member accounts', severity: 'low' }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Security Hub's organisation-wide view removed: administrator, aggregation, or auto-enable for members. */
export const securityhubOrganizationCoverageReduced: Detector = {
  id: 'securityhub-organization-coverage-reduced',
  title: 'Security Hub organization coverage reduced',
  severity: 'high',
  description:
    'DisableOrganizationAdminAccount removed the Security Hub delegated administrator ' +
    "(high: no account sees the organisation's findings together any more); " +
    'DeleteFindingAggregator stopped findings from linked Regions reaching the aggregation ' +
    'Region where the security team looks (medium); UpdateOrganizationConfiguration stopped ' +
    'enabling Security Hub (medium) or its default standards (low) in new member accounts. ' +
    'Calls through service-linked roles are ignored. Denied attempts are reported one ' +
    'level lower. Benign causes: moving the delegated administrator or aggregation Region, ' +
    'switching to central configuration policies.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisableOrganizationAdminAccount.html',
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DeleteFindingAggregator.html',
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_UpdateOrganizationConfiguration.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'securityhub.amazonaws.com',
      eventNames: [
        'DisableOrganizationAdminAccount',
        'DeleteFindingAggregator',
        'UpdateOrganizationConfiguration',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const verdict = judge(event);
    if (!verdict) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    const target =
      requestField(event, 'FindingAggregatorArn', 'AdminAccountId') ?? `Security Hub in ${region}`;
    return {
      summary: `${principalOf(event)} ${verdict.what} (${region})`,
      severity: verdict.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|SecurityHubOrganization`,
      resources: [target],
    };
  },
};

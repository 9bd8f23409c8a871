import { findAll } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { stringList } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Deleting this many flow logs in one call looks like blinding a network, not tidying one. */
const MANY = 3;

/**
 * Flow log ids as CloudTrail logs DeleteFlowLogs: the request wrapped in
 * `DeleteFlowLogsRequest.FlowLogId` as `{content, tag}` objects (one or a list),
 * or plain strings. Ids the response reports as unsuccessful were not deleted.
 */
function flowLogIds(request: unknown, response: unknown): { asked: number; deleted: string[] } {
  const ids = new Set(findAll(request, 'FlowLogId', 6).flatMap((v) => stringList(v)));
  const asked = ids.size;
  // EC2 lists failures as `{items: [...]}` or `{item: ...}`: look for ids at any depth.
  for (const failedList of findAll(response, 'unsuccessful', 4)) {
    for (const id of findAll(failedList, 'resourceId', 4)) {
      if (typeof id === 'string') ids.delete(id);
    }
  }
  return { asked, deleted: [...ids] };
}

/** VPC flow logs were deleted: the network record of who talked to what stops. */
export const vpcFlowLogsDeleted: Detector = {
  id: 'vpc-flow-logs-deleted',
  title: 'VPC flow logs deleted',
  severity: 'medium',
  description:
    'DeleteFlowLogs succeeded. Flow logs are the only record of network connections in a ' +
    `VPC; attackers delete them before moving data or laterally. High when ${MANY} or more ` +
    'flow logs go in one call. Benign causes: tearing down a VPC or subnet, replacing a ' +
    'flow log with one that has a different destination or format.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.008'],
  references: [
    'EC2.6',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteFlowLogs.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['DeleteFlowLogs'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const { asked, deleted: ids } = flowLogIds(event.requestParameters, event.responseElements);
    // Every id named came back unsuccessful: nothing was deleted.
    if (asked > 0 && ids.length === 0) return undefined;
    const listed = ids.length > 0 ? ids.slice(0, 10).join(', ') : 'unknown flow logs';
    return {
      summary: `${principalOf(event)} deleted ${ids.length === 1 ? 'flow log' : `${ids.length} flow logs:`} ${listed}`,
      severity: ids.length >= MANY ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|DeleteFlowLogs`,
      resources: ids,
    };
  },
};

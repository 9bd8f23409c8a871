import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { requestField } from './request-values.js';

/**
 * The cluster an EKS access-entry call acts on. It is a path parameter, which
 * CloudTrail logs as `name`; the response of CreateAccessEntry names it
 * `accessEntry.clusterName`.
 */
export function clusterOf(event: CloudTrailEvent): string {
  return (
    requestField(event, 'name', 'clusterName') ??
    asString(getPath(event.responseElements, 'accessEntry', 'clusterName')) ??
    'an unnamed cluster'
  );
}

/**
 * The IAM principal the entry is for. Calls that carry it in the URL path
 * (AssociateAccessPolicy) log it percent-encoded (`arn%3Aaws%3Aiam...`).
 */
export function principalArnOf(event: CloudTrailEvent): string | undefined {
  const value = requestField(event, 'principalArn');
  if (value === undefined || !value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function requestString(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key));
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The deleted web ACL as an ARN when WAFv2 names it fully, else its id:
 * `arn:aws:wafv2:<region>:<account>:<regional|global>/webacl/<name>/<id>`.
 */
function deletedWebAcl(event: CloudTrailEvent): string {
  const id = requestString(event, 'id') ?? requestString(event, 'webACLId');
  const name = requestString(event, 'name');
  if (event.eventSource === 'wafv2.amazonaws.com' && id && name) {
    const scope =
      requestString(event, 'scope')?.toUpperCase() === 'CLOUDFRONT' ? 'global' : 'regional';
    return `arn:aws:wafv2:${event.awsRegion ?? ''}:${accountOf(event)}:${scope}/webacl/${name}/${id}`;
  }
  return id ?? name ?? 'unknown web ACL';
}

function disassociated(event: CloudTrailEvent): FindingDraft {
  const resource = requestString(event, 'resourceArn') ?? 'unknown resource';
  return {
    summary: `${principalOf(event)} removed the WAF web ACL from ${resource}`,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${resource}`,
    resources: [resource],
  };
}

function deleted(event: CloudTrailEvent): FindingDraft {
  const acl = deletedWebAcl(event);
  return {
    summary: `${principalOf(event)} deleted WAF web ACL ${acl}`,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${acl}`,
    resources: [acl],
    severity: 'medium',
  };
}

/** A WAF web ACL was taken off a resource or deleted: web attacks now reach the application. */
export const wafWebAclRemoved: Detector = {
  id: 'waf-web-acl-removed',
  title: 'WAF web ACL removed',
  severity: 'high',
  description:
    'DisassociateWebACL (WAFv2, or classic WAF Regional) took a web ACL off a load balancer, API ' +
    'Gateway stage, AppSync API, Cognito user pool or similar: requests now reach the application ' +
    'unfiltered. Attackers do this before exploiting or scraping the application. DeleteWebACL ' +
    '(WAFv2, classic WAF and WAF Regional) is medium: AWS requires a web ACL to be disassociated ' +
    'first, so deletion is usually cleanup after the removal this detector already reported. ' +
    'Not covered here: CloudFront distributions, whose web ACL is removed through CloudFront ' +
    'UpdateDistribution, and swapping in a permissive web ACL with AssociateWebACL. Benign causes: ' +
    'resource teardown, migration to a new web ACL, Firewall Manager policy changes.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_DisassociateWebACL.html',
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteWebACL.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/logging-using-cloudtrail.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'wafv2.amazonaws.com', eventNames: ['DisassociateWebACL', 'DeleteWebACL'] },
    {
      eventSource: 'waf-regional.amazonaws.com',
      eventNames: ['DisassociateWebACL', 'DeleteWebACL'],
    },
    { eventSource: 'waf.amazonaws.com', eventNames: ['DeleteWebACL'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.eventName === 'DisassociateWebACL') return disassociated(event);
    if (event.eventName === 'DeleteWebACL') return deleted(event);
    return undefined;
  },
};

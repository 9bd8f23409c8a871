import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * UpdateDistribution sends the whole configuration, so an empty `webACLId` only
 * says the distribution has no web ACL now. Whether it had one before is not in
 * the record.
 */
function updateLeavesNoWebAcl(event: CloudTrailEvent): boolean {
  const webAcl = getPath(event.requestParameters, 'distributionConfig', 'webACLId');
  return typeof webAcl === 'string' && webAcl.trim() === '';
}

/** A CloudFront distribution (or distribution tenant) left without its WAF web ACL. */
export const cloudfrontWafRemoved: Detector = {
  id: 'cloudfront-waf-removed',
  title: 'CloudFront distribution without WAF web ACL',
  severity: 'medium',
  description:
    'DisassociateDistributionWebACL or DisassociateDistributionTenantWebACL took the web ACL ' +
    'off a distribution or distribution tenant (high), or UpdateDistribution saved a ' +
    'configuration whose WebACLId is empty (medium). Web attacks then reach the origin ' +
    'unfiltered. CloudTrail does not record the previous configuration, and every update of ' +
    'a distribution that never had a web ACL restates the empty WebACLId, so the ' +
    'UpdateDistribution case is first-seen per distribution: distributions seen without a ' +
    'web ACL in the first 7 days are learned silently, and afterwards a distribution alerts ' +
    'the first time it is seen without one (again only after 90 days unseen that way). The ' +
    'disassociate calls always alert. (WAFv2 DisassociateWebACL for regional resources is ' +
    'waf-web-acl-removed.) Benign causes: new distributions that deliberately run without ' +
    'WAF, migrations between web ACLs.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DisassociateDistributionWebACL.html',
    'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/disable-waf.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 86400,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [
    {
      eventSource: 'cloudfront.amazonaws.com',
      eventNames: [
        'UpdateDistribution',
        'DisassociateDistributionWebACL',
        'DisassociateDistributionTenantWebACL',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const isUpdate = event.eventName === 'UpdateDistribution';
    if (isUpdate && !updateLeavesNoWebAcl(event)) return undefined;
    const id = requestString(event, 'id') ?? 'an unnamed distribution';
    const tenant = event.eventName === 'DisassociateDistributionTenantWebACL';
    const target = `CloudFront ${tenant ? 'distribution tenant' : 'distribution'} ${id}`;
    const arn =
      asString(getPath(event.responseElements, 'distribution', 'aRN')) ??
      (tenant ? id : `arn:aws:cloudfront::${accountOf(event)}:distribution/${id}`);
    const who = principalOf(event);
    return {
      summary: isUpdate
        ? `${who} updated ${target}, which now has no WAF web ACL`
        : `${who} removed the WAF web ACL from ${target}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${id}`,
      resources: [arn],
      severity: isUpdate ? undefined : 'high',
      // Only the ambiguous update is first-seen; a finding without a key always alerts.
      ...(isUpdate ? { firstSeenKey: `${accountOf(event)}|${id}|no-web-acl` } : {}),
    };
  },
};

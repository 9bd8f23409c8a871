import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector, DetectorContext, RawHint } from '../types.js';

/**
 * Services whose calls are account-wide, not regional: CloudTrail files them
 * under their home region (us-east-1, or us-west-2 for Global Accelerator and
 * Network Manager), and sign-in events under whichever region served the page.
 */
const GLOBAL_SOURCES = new Set([
  'account.amazonaws.com',
  'billingconsole.amazonaws.com',
  'budgets.amazonaws.com',
  'ce.amazonaws.com',
  'cloudfront.amazonaws.com',
  'globalaccelerator.amazonaws.com',
  'health.amazonaws.com',
  'iam.amazonaws.com',
  'networkmanager.amazonaws.com',
  'organizations.amazonaws.com',
  'route53.amazonaws.com',
  'route53domains.amazonaws.com',
  'shield.amazonaws.com',
  'signin.amazonaws.com',
  'sts.amazonaws.com',
  'support.amazonaws.com',
  'trustedadvisor.amazonaws.com',
  'waf.amazonaws.com',
]);

/** A successful write in a region outside settings.allowedRegions. */
/** Silent without allowed regions; otherwise some raw `"awsRegion":"…"` must be outside them. */
function regionHint(ctx: DetectorContext): RawHint | 'never' {
  const { allowedRegions } = ctx.settings;
  if (allowedRegions.length === 0) return 'never';
  return { value: { key: 'awsRegion', test: (region) => !allowedRegions.includes(region) } };
}

export const activityInUnapprovedRegion: Detector = {
  id: 'activity-in-unapproved-region',
  title: 'Write activity in a region outside the allowed regions',
  severity: 'medium',
  description:
    'A successful, non-read-only call changed something in a region that is not in ' +
    'allowedRegions (the detector is silent while allowedRegions is empty). Attackers create ' +
    'miners, users of stolen data and persistence in regions the owners never look at. ' +
    'Account-wide services (IAM, STS, CloudFront, Route 53, Organizations, sign-in, billing and ' +
    'the like) are ignored in every region, as are AWS service events and calls AWS services ' +
    "make on a principal's behalf. One alert per account and region per day. Benign causes: " +
    'a team starting work in a new region before allowedRegions is updated, AWS-managed ' +
    'resources that some services create in every region (StackSets, Control Tower baselines).',
  attack: ['T1535'],
  references: [
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 86400,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: regionHint,
  match(event, ctx) {
    // Runs on every event: the settings check makes it free when no regions are configured.
    const { allowedRegions } = ctx.settings;
    if (allowedRegions.length === 0) return undefined;
    if (event.readOnly === true || event.readOnly === 'true') return undefined;
    const region = event.awsRegion;
    if (!region || allowedRegions.includes(region)) return undefined;
    if (GLOBAL_SOURCES.has(event.eventSource)) return undefined;
    if (event.eventType === 'AwsServiceEvent' || event.eventType === 'AwsConsoleSignIn') {
      return undefined;
    }
    const id = event.userIdentity;
    if (id?.type === 'AWSService' || id?.invokedBy) return undefined;
    if (!succeeded(event)) return undefined;
    const account = accountOf(event);
    return {
      summary: `${principalOf(event)} called ${event.eventSource} ${event.eventName} in unapproved region ${region}`,
      dedupKey: `${account}|${region}`,
      resources: [`${account}:${region}`],
    };
  },
};

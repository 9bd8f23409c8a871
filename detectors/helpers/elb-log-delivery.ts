import type { OutsideGrant } from '../semantics/index.js';

/**
 * AWS-owned accounts that deliver Elastic Load Balancing access logs in regions
 * opened before August 2022 (newer regions use the
 * `logdelivery.elasticloadbalancing.amazonaws.com` service principal). A bucket
 * policy must name the region's account to receive the logs, per
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
const ELB_LOG_DELIVERY_ACCOUNTS: ReadonlySet<string> = new Set([
  '127311923021', // us-east-1
  '033677994240', // us-east-2
  '027434742980', // us-west-1
  '797873946194', // us-west-2
  '098369216593', // af-south-1
  '754344448648', // ap-east-1
  '718504428378', // ap-south-1
  '582318560864', // ap-northeast-1
  '600734575887', // ap-northeast-2
  '383597477331', // ap-northeast-3
  '114774131450', // ap-southeast-1
  '783225319266', // ap-southeast-2
  '589379963580', // ap-southeast-3
  '985666609251', // ca-central-1
  '054676820928', // eu-central-1
  '156460612806', // eu-west-1
  '652711504416', // eu-west-2
  '009996457667', // eu-west-3
  '635631232127', // eu-south-1
  '897822967062', // eu-north-1
  '076674570225', // me-south-1
  '507241528517', // sa-east-1
  '048591011584', // us-gov-west-1
  '190560391635', // us-gov-east-1
  '638102146993', // cn-north-1
]);

/** What log delivery needs: write the log objects (and, in some set-ups, read the bucket ACL). */
const DELIVERY_ACTIONS = new Set(['s3:putobject', 's3:getbucketacl']);

/**
 * True when `account` is an ELB log-delivery account and every statement that
 * lets it in names delivery actions only (no wildcard, no NotAction).
 */
export function isElbLogDelivery(account: string, grant: OutsideGrant): boolean {
  return (
    ELB_LOG_DELIVERY_ACCOUNTS.has(account) &&
    grant.actions.every(
      ({ allow }) =>
        allow.mode === 'only' &&
        allow.patterns.length > 0 &&
        allow.patterns.every((a) => DELIVERY_ACTIONS.has(a.toLowerCase())),
    )
  );
}

import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';

/**
 * EC2 names an instance profile's role session after the instance
 * (`assumed-role/<role>/i-0123456789abcdef0`). Ids are written in lower case,
 * but a copy of the credentials used elsewhere keeps the name it was issued
 * with, and tools that re-spell it should not slip past, so any case matches.
 */
const INSTANCE_SESSION = /:assumed-role\/[^/]+\/(i-(?:[0-9a-f]{8}|[0-9a-f]{17}))$/i;

/** ARNs longer than this are not CloudTrail's: not read. */
const MAX_ARN_CHARS = 2048;

/**
 * The instance id when the call was made with an EC2 instance's role
 * credentials: a role session named after an instance, or one CloudTrail marks
 * as delivered by the instance metadata service (`sessionContext.ec2RoleDelivery`,
 * `"1.0"` for IMDSv1, `"2.0"` for IMDSv2), whatever its session name. Undefined
 * otherwise; `'unknown instance'` when only the delivery marker says so.
 */
export function instanceSessionOf(event: CloudTrailEvent): string | undefined {
  const id = event.userIdentity;
  if (id?.type !== 'AssumedRole') return undefined;
  const arn = typeof id.arn === 'string' && id.arn.length <= MAX_ARN_CHARS ? id.arn : '';
  const named = INSTANCE_SESSION.exec(arn)?.[1];
  if (named) return named.toLowerCase();
  const delivery = asString(getPath(id.sessionContext, 'ec2RoleDelivery'));
  return delivery && delivery.trim() !== '' ? 'unknown instance' : undefined;
}

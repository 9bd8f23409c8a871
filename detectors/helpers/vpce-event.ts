import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { accountFromArn, accountOf } from './identity.js';

/**
 * CloudTrail network activity events (`eventType: AwsVpceEvent`,
 * `eventCategory: NetworkActivity`): calls that crossed a VPC endpoint, recorded
 * for the endpoint's owner. They carry no request or response; a call refused by
 * the endpoint policy has `errorCode: VpceAccessDenied`, and a caller from another
 * account appears as a redacted `AWSAccount` identity with only its account id.
 */

/** The error code AWS writes when a VPC endpoint policy refused the call. */
export const VPCE_DENIED = 'VpceAccessDenied';

/** True for a network activity event through a VPC endpoint. */
export function isVpceEvent(event: CloudTrailEvent): boolean {
  return event.eventType === 'AwsVpceEvent';
}

/** The endpoint the call went through, or a placeholder. */
export function endpointOf(event: CloudTrailEvent): string {
  return asString(event.vpcEndpointId)?.trim() || 'an unknown VPC endpoint';
}

/** The account that owns the endpoint: `vpcEndpointAccountId`, else the account the event went to. */
export function endpointOwnerOf(event: CloudTrailEvent): string {
  const owner = asString(getPath(event, 'vpcEndpointAccountId'))?.trim();
  return owner && /^\d{12}$/.test(owner) ? owner : accountOf(event);
}

/** The caller's account, from `userIdentity.accountId` or its ARN; undefined when the record hides it. */
export function callerAccountOf(event: CloudTrailEvent): string | undefined {
  const id = event.userIdentity;
  const account = id?.accountId?.trim();
  if (account && /^\d{12}$/.test(account)) return account;
  return accountFromArn(id?.arn ?? undefined);
}

import type { CloudTrailEvent } from '../types.js';
import { asString, findAll, getPath, isTrue } from './fields.js';
import { accountOf } from './identity.js';

/**
 * S3 Control calls on access points as CloudTrail logs them: eventSource
 * `s3.amazonaws.com`, the account in the `x-amz-account-id` header (and the
 * `<account>.s3-control.<region>.amazonaws.com` host), the access point in the
 * `name` path field, and the XML body under its root element
 * (`PutAccessPointPolicyRequest.Policy`, `CreateAccessPointRequest...`). Multi-Region
 * Access Points carry name and settings in `Details`.
 */

/** Calls that set an access point's resource policy, each with the body element holding it. */
export const ACCESS_POINT_POLICY_CALLS = [
  'PutAccessPointPolicy',
  'PutAccessPointPolicyForObjectLambda',
  'PutMultiRegionAccessPointPolicy',
] as const;

/** Calls that create an access point, with Block Public Access settings in the body. */
export const ACCESS_POINT_CREATE_CALLS = [
  'CreateAccessPoint',
  'CreateMultiRegionAccessPoint',
] as const;

function text(value: unknown): string | undefined {
  const s = asString(value)?.trim();
  return s ? s : undefined;
}

/** The first string under `key` at any depth of the request (depth-limited). */
function deepText(event: CloudTrailEvent, key: string): string | undefined {
  for (const value of findAll(event.requestParameters, key, 4)) {
    const found = text(value);
    if (found) return found;
  }
  return undefined;
}

/** The account that owns the access point: the request header, the control host, or the trail's. */
export function accessPointOwner(event: CloudTrailEvent): string {
  const header = text(getPath(event.requestParameters, 'x-amz-account-id'));
  if (header && /^\d{12}$/.test(header)) return header;
  const host = text(getPath(event.requestParameters, 'Host'));
  const fromHost = host && /^(\d{12})\.s3-control/.exec(host)?.[1];
  return fromHost || accountOf(event);
}

/** The access point's name (`name` path field, or `Details.Name` for Multi-Region Access Points). */
export function accessPointName(event: CloudTrailEvent): string {
  return (
    text(getPath(event.requestParameters, 'name')) ??
    deepText(event, 'Name') ??
    'unknown access point'
  );
}

/** The policy document a Put*AccessPointPolicy call sets, wherever the body put it. */
export function accessPointPolicy(event: CloudTrailEvent): string | undefined {
  return deepText(event, 'Policy');
}

const BLOCK_SETTINGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

/**
 * The Block Public Access settings a Create*AccessPoint call leaves off. S3 turns
 * all four on when the configuration is omitted; once given, a setting not
 * explicitly true (boolean or string) is off, as for buckets. Empty when nothing
 * is off, or when the access point only accepts requests from a VPC (it cannot
 * be public whatever its policy says).
 */
export function accessPointBlocksOff(event: CloudTrailEvent): string[] {
  const vpc = findAll(event.requestParameters, 'VpcConfiguration', 4).find(
    (v) => text(getPath(v, 'VpcId')) !== undefined,
  );
  if (vpc) return [];
  const config = [
    ...findAll(event.requestParameters, 'PublicAccessBlockConfiguration', 4),
    ...findAll(event.requestParameters, 'PublicAccessBlock', 4),
  ].find((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  if (!config) return [];
  return BLOCK_SETTINGS.filter((setting) => !isTrue(getPath(config, setting)));
}

import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { deepField, listItems } from './request-values.js';

/**
 * Prefix lists in security group rules. A rule that names a prefix list
 * (`pl-…`) lets in whatever the list holds, and the record does not say what
 * that is. AWS-managed lists hold AWS service addresses, not the internet:
 * CloudFront's origin-facing servers (`com.amazonaws.global.cloudfront.origin-facing`,
 * what origins behind CloudFront are told to allow), and the S3 and DynamoDB
 * gateway-endpoint ranges. Their ids differ per region; these are the ones AWS
 * has published. Any other id is a customer-managed list (or an AWS one not
 * listed here) whose entries could be `0.0.0.0/0`: worth a review, not a page.
 */
const AWS_MANAGED_PREFIX_LISTS: ReadonlyMap<string, string> = new Map([
  // com.amazonaws.global.cloudfront.origin-facing, per region.
  ['pl-3b927c52', 'CloudFront origin-facing (us-east-1)'],
  ['pl-b6a144df', 'CloudFront origin-facing (us-east-2)'],
  ['pl-4ea04527', 'CloudFront origin-facing (us-west-1)'],
  ['pl-82a045eb', 'CloudFront origin-facing (us-west-2)'],
  ['pl-38a64351', 'CloudFront origin-facing (ca-central-1)'],
  ['pl-5da64334', 'CloudFront origin-facing (sa-east-1)'],
  ['pl-4fa04526', 'CloudFront origin-facing (eu-west-1)'],
  ['pl-93a247fa', 'CloudFront origin-facing (eu-west-2)'],
  ['pl-75b1541c', 'CloudFront origin-facing (eu-west-3)'],
  ['pl-a3a144ca', 'CloudFront origin-facing (eu-central-1)'],
  ['pl-fab65393', 'CloudFront origin-facing (eu-north-1)'],
  ['pl-9aa247f3', 'CloudFront origin-facing (ap-south-1)'],
  ['pl-58a04531', 'CloudFront origin-facing (ap-northeast-1)'],
  ['pl-22a6434b', 'CloudFront origin-facing (ap-northeast-2)'],
  ['pl-31a34658', 'CloudFront origin-facing (ap-southeast-1)'],
  ['pl-b8a742d1', 'CloudFront origin-facing (ap-southeast-2)'],
  // Gateway endpoint ranges in us-east-1.
  ['pl-63a5400a', 'com.amazonaws.us-east-1.s3'],
  ['pl-02cd2c6b', 'com.amazonaws.us-east-1.dynamodb'],
]);

/** The AWS-managed list an id names, or undefined when it is not one we know. */
export function awsManagedPrefixList(id: string): string | undefined {
  return AWS_MANAGED_PREFIX_LISTS.get(id.trim().toLowerCase());
}

/** More entries than a prefix list may hold (1000): the rest of a hostile record is ignored. */
const MAX_ENTRIES = 1000;

/**
 * The request body of CreateManagedPrefixList / ModifyManagedPrefixList: EC2
 * logs it inside `<Action>Request`; SDK-shaped input has it bare.
 */
function prefixListRequest(event: CloudTrailEvent): unknown {
  const request = event.requestParameters;
  return (
    getPath(request, 'CreateManagedPrefixListRequest') ??
    getPath(request, 'ModifyManagedPrefixListRequest') ??
    request
  );
}

/**
 * The CIDR blocks a CreateManagedPrefixList (`Entry.N`, `Entries` in SDK shape)
 * or ModifyManagedPrefixList (`AddEntry.N`, `AddEntries`) call puts in a list. A
 * single entry may be logged as an object rather than a list.
 */
export function prefixListEntriesAdded(event: CloudTrailEvent): string[] {
  const body = prefixListRequest(event);
  const added =
    getPath(body, 'AddEntry') ??
    getPath(body, 'AddEntries') ??
    getPath(body, 'Entry') ??
    getPath(body, 'Entries');
  return listItems(added)
    .slice(0, MAX_ENTRIES)
    .map((entry) => asString(typeof entry === 'string' ? entry : getPath(entry, 'Cidr'))?.trim())
    .filter((cidr): cidr is string => cidr !== undefined && cidr !== '');
}

/** The list a call acted on: its id from the request or the response, else its name. */
export function prefixListOf(event: CloudTrailEvent): string | undefined {
  return (
    deepField(prefixListRequest(event), ['PrefixListId'], 1) ??
    deepField(event.responseElements, ['prefixListId'], 4) ??
    deepField(prefixListRequest(event), ['PrefixListName'], 1)
  );
}

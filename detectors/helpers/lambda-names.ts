import type { CloudTrailEvent } from '../types.js';
import { asArray, asString, getPath } from './fields.js';
import { accountFromArn, accountOf } from './identity.js';

/**
 * The function a Lambda call names: `requestParameters.functionName` as given
 * (name, ARN or partial ARN `123456789012:function:name`), else the ARN the
 * response carries.
 */
export function functionNameOf(event: CloudTrailEvent): string | undefined {
  return (
    asString(getPath(event.requestParameters, 'functionName')) ??
    asString(getPath(event.responseElements, 'functionArn')) ??
    asString(getPath(event.responseElements, 'functionName'))
  );
}

/**
 * The account that owns the function: from a full or partial ARN when the call
 * names one, else the account the event was recorded in.
 */
export function functionAccountOf(event: CloudTrailEvent): string {
  const name = functionNameOf(event);
  if (name) {
    const fromArn = accountFromArn(name) ?? /^(\d{12}):function:/.exec(name)?.[1];
    if (fromArn) return fromArn;
  }
  return accountOf(event);
}

/**
 * Layer version ARNs from a `layers` field: strings as the request logs them, or
 * `{arn}` objects as the response does. A single layer may be a bare value.
 */
export function layerArns(value: unknown): string[] {
  return asArray(value)
    .map((layer) => (typeof layer === 'string' ? layer : asString(getPath(layer, 'arn'))))
    .filter((arn): arn is string => arn !== undefined && arn.trim() !== '');
}

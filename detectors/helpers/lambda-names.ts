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

/**
 * The layers a call set, from the request where it names them, else from the
 * response where that is the only record of them: CloudTrail omits request
 * parameters it cannot log (`requestParameters: null`), and a created function's
 * layers are in its response too. An update whose request leaves layers out kept
 * the function's layers as they were, so its response (which restates them) is
 * not read: that change was judged when it was made.
 */
export function layersSetBy(event: CloudTrailEvent): string[] {
  const request = event.requestParameters;
  if (request && Object.hasOwn(request, 'layers')) return layerArns(request.layers);
  const created = event.eventName.startsWith('CreateFunction');
  if (request && !created) return [];
  return layerArns(getPath(event.responseElements, 'layers'));
}

import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';

/**
 * The trail (or CloudTrail Lake event data store) a CloudTrail configuration
 * call acted on. The response's `trailARN` / `eventDataStoreArn` is preferred
 * because the request may name the trail by bare name or by ARN; UpdateTrail
 * names it `name`, PutEventSelectors `trailName`, UpdateEventDataStore
 * `eventDataStore`.
 */
export function trailOf(event: CloudTrailEvent): string | undefined {
  const candidates = [
    getPath(event.responseElements, 'trailARN'),
    getPath(event.responseElements, 'eventDataStoreArn'),
    getPath(event.requestParameters, 'name'),
    getPath(event.requestParameters, 'trailName'),
    getPath(event.requestParameters, 'eventDataStore'),
  ];
  for (const candidate of candidates) {
    const value = asString(candidate);
    if (value) return value;
  }
  return undefined;
}

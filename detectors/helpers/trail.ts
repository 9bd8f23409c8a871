import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';

/**
 * The trail a CloudTrail configuration call acted on. The response's `trailARN`
 * is preferred because the request may name the trail by bare name or by ARN;
 * UpdateTrail names it `name`, PutEventSelectors `trailName`.
 */
export function trailOf(event: CloudTrailEvent): string | undefined {
  const candidates = [
    getPath(event.responseElements, 'trailARN'),
    getPath(event.requestParameters, 'name'),
    getPath(event.requestParameters, 'trailName'),
  ];
  for (const candidate of candidates) {
    const value = asString(candidate);
    if (value) return value;
  }
  return undefined;
}

import { isJsonObject, jsonTypeOf } from './describe.js';
import { ObjectTally } from './object-tally.js';
import { type IngestOptions, resolveOptions } from './options.js';
import type { IngestItem, SourceRef } from './types.js';

/**
 * Turns what an EventBridge rule delivered to a Lambda (one event, or an array of
 * them) into items, with the same checks as files: each `detail` is validated with
 * the CloudTrail schema; events whose detail-type is not a CloudTrail one are passed
 * over (`not-cloudtrail`), as are Insights events. Like an object, the payload ends
 * with one `object-end` (bytes 0: nothing was read from storage), or is a single
 * `skipped` when it held nothing but passed-over events. Never throws.
 */
export function fromEventBridge(
  payload: unknown,
  source: SourceRef,
  options?: Pick<IngestOptions, 'maxDepth' | 'clock' | 'maxListedErrors'>,
): IngestItem[] {
  const tally = new ObjectTally(source.object, resolveOptions(source.object, options));
  const items: IngestItem[] = [];
  const events = Array.isArray(payload) ? payload : [payload];
  for (const event of events) {
    if (!isJsonObject(event) || typeof event['detail-type'] !== 'string') {
      const found = isJsonObject(event)
        ? 'an object without a string detail-type'
        : jsonTypeOf(event);
      const error = tally.recordError('invalid-record', `not an EventBridge event: ${found}`);
      if (error !== undefined) items.push(error);
      continue;
    }
    const item = tally.record(event);
    if (item !== undefined) items.push(item);
  }
  items.push(tally.finish(0));
  return items;
}

import type { z } from 'zod';
import { type CloudTrailEvent, CloudTrailEventSchema } from './cloudtrail-event.js';
import { isJsonObject, jsonTypeOf, quoteForMessage } from './describe.js';
import { eventTimeProblem } from './event-time.js';
import { INSIGHT_DETAIL_TYPE, isCloudTrailDetailType } from './eventbridge-detail-type.js';
import { nestsDeeperThan } from './nesting.js';
import type { ResolvedOptions } from './options.js';
import { compileSchemaCheck } from './schema-check.js';
import type { SkipReason } from './types.js';

/** What one record candidate turned out to be. */
export type RecordOutcome =
  | { readonly kind: 'event'; readonly event: CloudTrailEvent }
  | {
      readonly kind: 'invalid';
      readonly code: 'invalid-record' | 'too-deep';
      readonly reason: string;
    }
  | { readonly kind: 'ignored'; readonly reason: SkipReason; readonly detail: string };

/**
 * The schema compiled to a plain predicate with the same verdict (schema-check.ts):
 * `safeParse` copies every record and costs about as much as `JSON.parse`, so it runs
 * only to explain a rejected record, or on every record when asked to (`exhaustive`).
 */
const quickCheck = compileSchemaCheck(CloudTrailEventSchema);

/**
 * What a record is checked against: nesting depth, the event time range, and whether
 * zod's `safeParse` judges every record (`exhaustive`: the reference path; the
 * verdicts are the same as the compiled check's).
 */
export type RecordRules = Pick<ResolvedOptions, 'maxDepth' | 'exhaustive' | 'eventTimes'>;

/** The reason of a record refused without an explanation (see `explain`). */
export const UNEXPLAINED = 'invalid CloudTrail record';

/**
 * Checks one record candidate: a bare CloudTrail record or an EventBridge event that
 * carries one in `detail`.
 *
 * The event handed on is the object `JSON.parse` built, once the schema accepts it:
 * zod's output is a copy that silently drops `__proto__` keys, while JSON.parse keeps
 * them as inert own data (evidence stays faithful) and skipping the copy is cheaper.
 * The schema has no transforms, so nothing else differs. Beyond the schema, its
 * `eventTime` must be a real instant within `rules.eventTimes` (event-time.ts).
 *
 * @param explain say what is wrong with a refused record. When false (the object has
 *   reported enough bad records already) the verdict is the same but its reason is
 *   {@link UNEXPLAINED}, which spares zod's error report: the costly part of a refusal.
 */
export function checkRecord(value: unknown, rules: RecordRules, explain = true): RecordOutcome {
  const { maxDepth, exhaustive } = rules;
  if (!isJsonObject(value)) {
    return invalid('invalid-record', `record is ${jsonTypeOf(value)}, expected a JSON object`);
  }
  if (nestsDeeperThan(value, maxDepth)) {
    return invalid('too-deep', `record nests deeper than ${maxDepth} levels`);
  }
  let record: Record<string, unknown> = value;
  const detailType = value['detail-type'];
  if (detailType !== undefined) {
    if (typeof detailType !== 'string') {
      return invalid('invalid-record', `EventBridge detail-type is ${jsonTypeOf(detailType)}`);
    }
    if (!isCloudTrailDetailType(detailType)) {
      return ignored('not-cloudtrail', `EventBridge detail-type ${quoteForMessage(detailType)}`);
    }
    if (detailType === INSIGHT_DETAIL_TYPE) return ignored('cloudtrail-insight', 'Insights event');
    const detail = value.detail;
    if (!isJsonObject(detail)) {
      return invalid(
        'invalid-record',
        `EventBridge detail is ${jsonTypeOf(detail)}, expected an object`,
      );
    }
    record = detail;
  }
  if (record.eventType === 'AwsCloudTrailInsight') {
    return ignored('cloudtrail-insight', 'Insights event (eventType AwsCloudTrailInsight)');
  }
  if (record.eventSource === 'aws:s3' && record.s3 !== undefined) {
    return ignored('not-cloudtrail', 'S3 event notification record, not a CloudTrail record');
  }
  // zod is the definition: a record the quick check refuses is judged (and explained) by it.
  if (exhaustive || quickCheck === undefined) {
    const parsed = CloudTrailEventSchema.safeParse(record);
    if (!parsed.success) {
      return invalid('invalid-record', explain ? describeIssues(parsed.error.issues) : UNEXPLAINED);
    }
  } else if (!quickCheck(record)) {
    if (!explain) return invalid('invalid-record', UNEXPLAINED);
    const parsed = CloudTrailEventSchema.safeParse(record);
    if (!parsed.success) return invalid('invalid-record', describeIssues(parsed.error.issues));
  }
  const event = record as CloudTrailEvent;
  const badTime = eventTimeProblem(event.eventTime, rules.eventTimes);
  if (badTime !== undefined) {
    return invalid(
      'invalid-record',
      explain ? `invalid CloudTrail record: ${badTime}` : UNEXPLAINED,
    );
  }
  return { kind: 'event', event };
}

function invalid(code: 'invalid-record' | 'too-deep', reason: string): RecordOutcome {
  return { kind: 'invalid', code, reason };
}

function ignored(reason: SkipReason, detail: string): RecordOutcome {
  return { kind: 'ignored', reason, detail };
}

/** "eventName: expected string, received number; eventTime: ..." (first three issues). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    // Paths hold only schema keys and array indexes, never attacker-chosen keys.
    const path = issue.path.length === 0 ? 'record' : issue.path.map(String).join('.');
    const message = issue.message.replace(/^Invalid input: /, '');
    const missing = /^expected (\w+), received undefined$/.exec(message);
    return missing === null ? `${path}: ${message}` : `${path}: missing (expected ${missing[1]})`;
  });
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return `invalid CloudTrail record: ${shown.join('; ')}${more}`;
}

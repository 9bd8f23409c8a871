import { asArray, asString, getPath, isFalse } from './fields.js';

/**
 * What a PutEventSelectors request leaves a trail logging of management events.
 * A trail logs an event when ANY selector matches it, so coverage is the union
 * over selectors. Both selector styles are read as CloudTrail logs the request:
 * basic `eventSelectors[] {readWriteType, includeManagementEvents}` and advanced
 * `advancedEventSelectors[].fieldSelectors[] {field, equals, notEquals, ...}`.
 */
export interface ManagementCoverage {
  /** Read-only management calls (Describe*, Get*, List*) are still logged. */
  readonly read: boolean;
  /** Mutating management calls are still logged. */
  readonly write: boolean;
}

const NONE: ManagementCoverage = { read: false, write: false };

function union(a: ManagementCoverage, b: ManagementCoverage): ManagementCoverage {
  return { read: a.read || b.read, write: a.write || b.write };
}

function lower(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  return asString(value)?.trim().toLowerCase();
}

/** Basic selector: `includeManagementEvents` defaults to true and `readWriteType` to All. */
function basicCoverage(selector: unknown): ManagementCoverage {
  if (isFalse(getPath(selector, 'includeManagementEvents'))) return NONE;
  const type = lower(getPath(selector, 'readWriteType'));
  if (type === 'readonly') return { read: true, write: false };
  if (type === 'writeonly') return { read: false, write: true };
  return { read: true, write: true };
}

function fieldValues(fieldSelector: unknown, operator: string): string[] {
  return asArray(getPath(fieldSelector, operator))
    .map(lower)
    .filter((v): v is string => v !== undefined);
}

function fieldSelectorsNamed(selector: unknown, field: string): unknown[] {
  return asArray(getPath(selector, 'fieldSelectors')).filter(
    (fs) => lower(getPath(fs, 'field')) === field,
  );
}

/**
 * Advanced selector: management events only when `eventCategory` equals
 * `Management` (AWS requires Equals on this field); `readOnly` narrows to reads
 * (`true`) or writes (`false`) through Equals or NotEquals.
 */
function advancedCoverage(selector: unknown): ManagementCoverage {
  const isManagement = fieldSelectorsNamed(selector, 'eventcategory').some((fs) =>
    fieldValues(fs, 'equals').includes('management'),
  );
  if (!isManagement) return NONE;
  let read = true;
  let write = true;
  for (const fs of fieldSelectorsNamed(selector, 'readonly')) {
    const equals = fieldValues(fs, 'equals');
    if (equals.length > 0) {
      read &&= equals.includes('true');
      write &&= equals.includes('false');
    }
    const notEquals = fieldValues(fs, 'notEquals');
    if (notEquals.includes('true')) read = false;
    if (notEquals.includes('false')) write = false;
  }
  return { read, write };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Management-event coverage after the request, or undefined when the request
 * carries no selectors at all (nothing to judge, e.g. `requestParameters: null`).
 */
export function managementCoverage(requestParameters: unknown): ManagementCoverage | undefined {
  const basic = getPath(requestParameters, 'eventSelectors');
  const advanced = getPath(requestParameters, 'advancedEventSelectors');
  const advancedList = asArray(advanced);
  // AWS accepts one style per request; records may still carry the other key as null or [].
  if (advancedList.length > 0) return advancedList.map(advancedCoverage).reduce(union, NONE);
  if (present(basic)) return asArray(basic).map(basicCoverage).reduce(union, NONE);
  if (present(advanced)) return NONE;
  return undefined;
}

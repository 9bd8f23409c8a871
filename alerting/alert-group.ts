import { SEVERITY_RANK } from '../detectors/types.js';
import { MAX_EVENT_IDS, MAX_RESOURCES } from './alert.js';
import type { AlertGroup, EventIdSample, FindingSample } from './state-store.js';

/**
 * Pure operations on {@link AlertGroup}s. Every one is a merge that gives the same
 * result in any order (sum, min, max, bounded union), so findings that arrive out
 * of order, or state merged after a concurrent write, end up the same.
 */

/** Opens a group (window `[start, start + windowMs)`) for its first finding. */
export function newGroup(
  start: number,
  windowMs: number,
  sample: FindingSample,
  resources: readonly string[],
): AlertGroup {
  const group: AlertGroup = {
    start,
    end: start + Math.max(1, windowMs),
    count: 0,
    firstSeen: sample.time,
    lastSeen: sample.time,
    severity: sample.severity,
    eventIds: [],
    resources: [],
    sample,
  };
  addToGroup(group, sample, resources);
  return group;
}

/** Counts one more finding into `group`. */
export function addToGroup(
  group: AlertGroup,
  sample: FindingSample,
  resources: readonly string[],
): void {
  group.count += 1;
  group.firstSeen = Math.min(group.firstSeen, sample.time);
  group.lastSeen = Math.max(group.lastSeen, sample.time);
  if (SEVERITY_RANK[sample.severity] > SEVERITY_RANK[group.severity])
    group.severity = sample.severity;
  if (precedes(sample, group.sample)) group.sample = sample;
  if (sample.eventId) insertEventId(group.eventIds, { time: sample.time, id: sample.eventId });
  for (const resource of resources) addResource(group.resources, resource);
}

/**
 * Counts a distinct value into a distinct-threshold group: unique, at most `cap`;
 * a value that no longer fits only sets `moreValues`.
 */
export function addValue(group: AlertGroup, value: string, cap: number): void {
  const values = group.values ?? [];
  group.values = values;
  if (values.includes(value)) return;
  if (values.length < cap) values.push(value);
  else group.moreValues = true;
}

/**
 * Folds `source` into `target`, adding `countDelta` to the count (the caller knows
 * how many of `source`'s findings `target` already holds). Lists and extremes are
 * idempotent unions, so merging the same evidence twice changes nothing.
 */
export function mergeGroup(
  target: AlertGroup,
  source: AlertGroup,
  countDelta: number,
  distinctCap = 0,
): void {
  target.count += countDelta;
  target.firstSeen = Math.min(target.firstSeen, source.firstSeen);
  target.lastSeen = Math.max(target.lastSeen, source.lastSeen);
  if (SEVERITY_RANK[source.severity] > SEVERITY_RANK[target.severity])
    target.severity = source.severity;
  if (precedes(source.sample, target.sample)) target.sample = source.sample;
  for (const sample of source.eventIds) insertEventId(target.eventIds, sample);
  for (const resource of source.resources) addResource(target.resources, resource);
  target.notified = higher(target.notified, source.notified);
  if (source.values) {
    for (const value of source.values) addValue(target, value, distinctCap);
    if (source.moreValues) target.moreValues = true;
  }
}

/**
 * The sample an alert shows: the most severe finding, then the earliest, then the
 * smallest event id, so the choice does not depend on arrival order.
 */
export function precedes(a: FindingSample, b: FindingSample): boolean {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity > 0;
  if (a.time !== b.time) return a.time < b.time;
  return a.eventId < b.eventId;
}

/** True when the group has something on-call has not been told: never notified, or escalated. */
export function needsNotification(group: AlertGroup): boolean {
  return (
    group.notified === undefined || SEVERITY_RANK[group.severity] > SEVERITY_RANK[group.notified]
  );
}

export function higher<T extends keyof typeof SEVERITY_RANK>(
  a: T | undefined,
  b: T | undefined,
): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Keeps the earliest {@link MAX_EVENT_IDS} unique ids, earliest first. */
function insertEventId(list: EventIdSample[], sample: EventIdSample): void {
  const last = list[list.length - 1];
  // The common case in a time-ordered flood: the list is full and this one is later.
  if (list.length >= MAX_EVENT_IDS && last && !earlier(sample, last)) return;
  if (list.some((s) => s.id === sample.id)) return;
  let at = list.length;
  while (at > 0 && earlier(sample, list[at - 1] as EventIdSample)) at -= 1;
  list.splice(at, 0, sample);
  if (list.length > MAX_EVENT_IDS) list.pop();
}

function earlier(a: EventIdSample, b: EventIdSample): boolean {
  return a.time < b.time || (a.time === b.time && a.id < b.id);
}

function addResource(list: string[], resource: string): void {
  if (list.length < MAX_RESOURCES && !list.includes(resource)) list.push(resource);
}

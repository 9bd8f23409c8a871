import { createHash } from 'node:crypto';
import type { Detector, Severity } from '../detectors/types.js';
import { DEFAULT_RUNBOOK_BASE_URL, RUNBOOKS, runbookUrl } from '../runbooks/catalog.js';
import { ALERT_SCHEMA_VERSION, type Alert } from './alert.js';
import type { AlertGroup } from './state-store.js';

/** Options shared by every alert the aggregator builds. */
export interface AlertBuildOptions {
  readonly runbookBaseUrl?: string;
}

/**
 * Deterministic alert id: SHA-256 of detector id, dedup key and window start, so
 * a retried batch yields the same id and subscribers can drop the repeat. An
 * escalation of an already published alert gets its own id (the new severity is
 * hashed in), else subscribers deduplicating on id would drop the escalation.
 */
export function alertId(
  detectorId: string,
  dedupKey: string,
  windowStart: number,
  escalatedTo?: Severity,
): string {
  const parts = [detectorId, dedupKey, iso(windowStart)];
  if (escalatedTo) parts.push(`escalated:${escalatedTo}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** The alert for one group, as it stands now. */
export function alertFromGroup(
  detector: Detector,
  dedupKey: string,
  group: AlertGroup,
  options: AlertBuildOptions = {},
): Alert {
  const escalated = group.notified !== undefined;
  const notes: string[] = [];
  if (group.count > 1) notes.push(`and ${group.count - 1} more`);
  if (group.values) notes.push(distinctNote(group));
  const more = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  const prefix = escalated ? `Escalated from ${group.notified} to ${group.severity}: ` : '';
  return {
    schemaVersion: ALERT_SCHEMA_VERSION,
    id: alertId(detector.id, dedupKey, group.start, escalated ? group.severity : undefined),
    detector: detector.id,
    title: detector.title,
    severity: group.severity,
    summary: `${prefix}${group.sample.summary}${more}`,
    firstSeen: iso(group.firstSeen),
    lastSeen: iso(group.lastSeen),
    count: group.count,
    account: group.sample.account,
    region: group.sample.region,
    principal: group.sample.principal,
    sourceIp: group.sample.sourceIp,
    resources: [...group.resources],
    eventIds: group.eventIds.map((e) => e.id),
    dedupKey,
    runbook: runbookOf(detector, options),
    investigate: [],
    attack: [...detector.attack],
  };
}

/** "12 distinct values", or "more than 100 distinct values" once the group stopped remembering. */
function distinctNote(group: AlertGroup): string {
  const n = group.values?.length ?? 0;
  const noun = n === 1 && !group.moreValues ? 'distinct value' : 'distinct values';
  return `${group.moreValues ? 'more than ' : ''}${n} ${noun}`;
}

export function runbookOf(detector: Detector, options: AlertBuildOptions): Alert['runbook'] {
  const id = detector.runbook;
  return {
    id,
    title: RUNBOOKS.get(id)?.title ?? id,
    url: runbookUrl(id, options.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE_URL),
  };
}

/** ISO-8601 of an epoch-ms time; the epoch for a time `Date` cannot hold (never throws). */
export function iso(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

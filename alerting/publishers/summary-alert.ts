import { createHash } from 'node:crypto';
import { SEVERITY_RANK, type Severity } from '../../detectors/types.js';
import { ALERT_SCHEMA_VERSION, type Alert, MAX_EVENT_IDS, MAX_RESOURCES } from '../alert.js';
import { byUrgency, compareText } from '../alert-order.js';

/** The `detector` of a destination summary: not a detector, the publisher's own alert. */
export const SUMMARY_DETECTOR_ID = 'trailwatch-alert-budget';

/** Detectors named one by one in the summary text; the rest are counted. */
const LISTED_DETECTORS = 10;
/** Alert ids quoted in the summary text (first 12 hex digits each). */
const LISTED_IDS = 20;

/**
 * One alert standing for every alert a destination could not take within its
 * budget: how many, of which detectors, the worst severity, every event counted,
 * the time span, and the first alert ids. Its id depends only on the set of
 * alerts folded, so a retried batch yields the same summary.
 */
export function summaryAlert(
  destination: string,
  folded: readonly Alert[],
  budget: { describe(): string },
): Alert {
  const alerts = [...folded].sort(byUrgency);
  const first = alerts[0];
  if (first === undefined) throw new RangeError('summaryAlert needs at least one alert');
  const ids = alerts.map((a) => a.id).sort(compareText);
  const id = createHash('sha256')
    .update(`destination-summary\n${destination}\n${ids.join('\n')}`)
    .digest('hex');
  const severity = alerts.reduce<Severity>(
    (worst, a) => (SEVERITY_RANK[a.severity] > SEVERITY_RANK[worst] ? a.severity : worst),
    'info',
  );
  return {
    schemaVersion: ALERT_SCHEMA_VERSION,
    id,
    detector: SUMMARY_DETECTOR_ID,
    title: `Alert storm: ${alerts.length} alerts summarised`,
    severity,
    summary:
      `${alerts.length} alerts for this destination were summarised over its budget ` +
      `(${budget.describe()}): ${detectorBreakdown(alerts)}. Alert ids: ${shortIds(alerts)}`,
    firstSeen: alerts.map((a) => a.firstSeen).sort(compareText)[0] ?? first.firstSeen,
    lastSeen:
      alerts
        .map((a) => a.lastSeen)
        .sort(compareText)
        .at(-1) ?? first.lastSeen,
    count: alerts.reduce((n, a) => n + (Number.isFinite(a.count) ? a.count : 0), 0),
    account: oneOrMany(alerts.map((a) => a.account)),
    region: oneOrMany(alerts.map((a) => a.region)),
    principal: oneOrMany(alerts.map((a) => a.principal)),
    sourceIp: oneOrMany(alerts.map((a) => a.sourceIp)),
    resources: firstDistinct(
      alerts.flatMap((a) => a.resources),
      MAX_RESOURCES,
    ),
    eventIds: firstDistinct(
      alerts.flatMap((a) => a.eventIds),
      MAX_EVENT_IDS,
    ),
    dedupKey: `summary:${destination}`,
    runbook: first.runbook,
    investigate: [],
    attack: firstDistinct(
      alerts.flatMap((a) => a.attack),
      20,
    ),
    suppressedAlerts: alerts.length,
  };
}

/** "iam-user-created x12 (critical), s3-public-bucket x3 (high), and 4 more detectors". */
function detectorBreakdown(alerts: readonly Alert[]): string {
  const byDetector = new Map<string, { n: number; severity: Severity }>();
  for (const a of alerts) {
    const entry = byDetector.get(a.detector);
    if (!entry) byDetector.set(a.detector, { n: 1, severity: a.severity });
    else entry.n += 1;
  }
  const listed = [...byDetector.entries()]
    .slice(0, LISTED_DETECTORS)
    .map(([detector, { n, severity }]) => `${detector} x${n} (${severity})`);
  const more = byDetector.size - listed.length;
  return more > 0 ? `${listed.join(', ')}, and ${more} more detectors` : listed.join(', ');
}

function shortIds(alerts: readonly Alert[]): string {
  const shown = alerts.slice(0, LISTED_IDS).map((a) => a.id.slice(0, 12));
  const more = alerts.length - shown.length;
  return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ');
}

function oneOrMany(values: readonly string[]): string {
  const distinct = new Set(values);
  return distinct.size === 1 ? (values[0] ?? 'unknown') : 'multiple';
}

function firstDistinct(values: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (out.length >= max) break;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

import type { Severity } from '../../../detectors/types.js';
import type { Alert } from '../../alert.js';

/**
 * The short forms of an alert's fields for a table row. The JSON formats and the
 * wide table keep the full values; these only save cells.
 */

/** `11-20 10:02Z`: the width of every time cell. */
export const TIME_CELLS = 12;

/**
 * When the alert started, to the minute, in UTC: month-day and time, with `Z` so
 * nobody reads it as local time. CloudTrail records UTC, and a scan covers days,
 * not years, so the year would cost five cells every row for nothing; the exact
 * times are in the JSON. A value that is not a date is shown as it is (cut).
 */
export function compactTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // toISOString writes far years as `+275760-09-13T…`: match from the month on.
  const match = /(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(new Date(ms).toISOString());
  return match ? `${match[1]}-${match[2]} ${match[3]}:${match[4]}Z` : iso;
}

const SHORT_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: 'CRIT',
  high: 'HIGH',
  medium: 'MED',
  low: 'LOW',
  info: 'INFO',
};

/** The severity in capitals, in four cells when the column has no room for `CRITICAL`. */
export function severityText(severity: Severity, cells: number): string {
  const full = String(severity).toUpperCase();
  return full.length <= cells ? full : (SHORT_SEVERITY[severity] ?? full.slice(0, cells));
}

/** An ARN's prefix in running text: partition, service, region, account. */
const ARN_PREFIX = /\barn:[a-z0-9-]+:([a-z0-9-]+):[a-z0-9-]*:(\d{12}|aws)?:/g;

/**
 * The summary as a table shows it: without the actor it usually starts with (the
 * actor column shows it), and with every ARN written as `service:resource`, its
 * account kept only when it is not the alert's. Raw text in, raw text out: the
 * caller sanitises.
 */
export function summaryText(alert: Pick<Alert, 'summary' | 'principal' | 'account'>): string {
  const { summary, principal, account } = alert;
  const rest =
    principal && summary.startsWith(`${principal} `)
      ? summary.slice(principal.length + 1)
      : summary;
  return rest.replace(ARN_PREFIX, (_match, service: string, owner: string | undefined) =>
    owner && owner !== account ? `${service}:${owner}:` : `${service}:`,
  );
}

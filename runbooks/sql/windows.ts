import { normalizedText, significant, tokenize } from './tokenize.js';

/**
 * The tables runbook SQL reads, and the time-window predicate each query on them
 * must start its WHERE with. The `"timestamp"` partition predicate is what makes
 * Athena prune partitions (cost); the second predicate is the exact window.
 * CloudTrail's `eventtime` is an ISO-8601 UTC string, so string comparison with
 * a normalised bound is exact on both engines.
 */
const WINDOW_SQL: Readonly<Record<string, string>> = {
  cloudtrail_logs: '"timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end',
  s3_access_logs:
    '"timestamp" BETWEEN :dayFrom AND :dayTo AND ' +
    "parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z') " +
    'BETWEEN from_iso8601_timestamp(:start) AND from_iso8601_timestamp(:end)',
};

/** Table name -> the window predicate as written in queries. */
export const TABLE_WINDOW_SQL: Readonly<Record<string, string>> = WINDOW_SQL;

/** Table name -> the window predicate, normalised for matching. */
export const TABLE_WINDOWS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(WINDOW_SQL).map(([table, sql]) => [
    table,
    normalizedText(significant(tokenize(sql))),
  ]),
);

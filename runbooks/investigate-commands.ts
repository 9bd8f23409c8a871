import { getRunbook } from './catalog.js';
import {
  FILTER_PARAMS,
  type FilterParam,
  MAX_WINDOW_DAYS,
  resolveWindow,
  tryNormalizeParam,
} from './params.js';
import { shellCommand } from './shell-quote.js';
import { tablesRead } from './sql/tables.js';

/**
 * Ready-to-run `trailwatch investigate` commands for an alert. Pure: no I/O, no
 * clock, never throws. Values come from attacker-controlled CloudTrail fields, so
 * a query is offered only when every value it needs passes its allow-pattern, and
 * every word of the printed command is shell-quoted: pasted into a terminal it
 * runs exactly the query shown, with each value one argument.
 */

/** Same shape as `InvestigateCommand` in alerting/alert.ts (kept here so runbooks never imports alerting). */
export interface InvestigateCommand {
  readonly query: string;
  readonly params: Readonly<Record<string, string>>;
  /** The full command line, every value shell-quoted. */
  readonly command: string;
}

export interface InvestigateParams extends Partial<Record<FilterParam, string>> {
  /** Window start (ISO-8601); see {@link investigationWindow}. */
  readonly start: string;
  readonly end: string;
}

/** Local scan: the command names the scanned paths; on AWS it targets Athena. */
export type InvestigateTarget =
  | {
      readonly engine: 'duckdb';
      readonly paths: readonly string[];
      /**
       * The paths hold S3 server access logs too. Default false: queries on
       * `s3_access_logs` are left out, as they would find nothing to read.
       */
      readonly accessLogs?: boolean;
    }
  | { readonly engine: 'athena' };

/**
 * How printed commands start: the installed trailwatch, never one fetched. Without
 * `--no`, npx outside a clone downloads and runs whatever the public registry holds
 * under the name, without asking when stdin is not a terminal. `--no` (`--yes=false`)
 * makes npx refuse to install: it runs the clone's own bin (inside one), a project's
 * `node_modules/.bin`, or a global install, and otherwise fails.
 */
export const CLI_NAME = 'npx --no trailwatch';

export function investigateCommands(
  runbookId: string,
  params: InvestigateParams,
  target: InvestigateTarget,
): InvestigateCommand[] {
  try {
    return buildCommands(runbookId, params, target);
  } catch {
    // Odd input (a path with a NUL byte, a getter that throws): no commands rather than no alert.
    return [];
  }
}

function buildCommands(
  runbookId: string,
  params: InvestigateParams,
  target: InvestigateTarget,
): InvestigateCommand[] {
  const runbook = getRunbook(runbookId);
  if (!runbook) return [];
  if (target.engine === 'duckdb' && target.paths.length === 0) return [];
  const window = resolveWindow(String(params.start), String(params.end));
  const filters: Partial<Record<FilterParam, string>> = {};
  for (const name of FILTER_PARAMS) {
    const value = tryNormalizeParam(name, params[name]);
    if (value !== undefined) filters[name] = value;
  }
  const commands: InvestigateCommand[] = [];
  const skipAccessLogs = target.engine === 'duckdb' && target.accessLogs !== true;
  for (const query of runbook.queries) {
    if (!query.params.every((name) => filters[name] !== undefined)) continue;
    if (skipAccessLogs && tablesRead(query.sql).includes('s3_access_logs')) continue;
    const used: Record<string, string> = { start: window.start, end: window.end };
    for (const name of query.params) used[name] = filters[name] as string;
    const words = ['investigate', runbook.id, '--query', query.id];
    for (const [name, value] of Object.entries(used)) words.push('--param', `${name}=${value}`);
    words.push('--engine', target.engine);
    if (target.engine === 'duckdb') words.push('--logs', ...target.paths);
    commands.push({ query: query.id, params: used, command: `${CLI_NAME} ${shellCommand(words)}` });
  }
  return commands;
}

const HOUR_MS = 3_600_000;

/**
 * The window to investigate an alert in: from `lookbackHours` before its first
 * event (how the attacker got there) to `afterHours` after its last, in UTC
 * seconds, capped at {@link MAX_WINDOW_DAYS} back from the end. When neither time
 * parses, an empty window at the epoch (the queries then return nothing).
 */
export function investigationWindow(
  firstSeen: string,
  lastSeen: string,
  options: { lookbackHours?: number; afterHours?: number } = {},
): { start: string; end: string } {
  const first = Date.parse(firstSeen);
  const last = Date.parse(lastSeen);
  const from = Number.isFinite(first) ? first : last;
  const to = Number.isFinite(last) ? last : first;
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return { start: '1970-01-01T00:00:00Z', end: '1970-01-01T00:00:00Z' };
  }
  const end = Math.max(from, to) + (options.afterHours ?? 1) * HOUR_MS;
  const wanted = Math.min(from, to) - (options.lookbackHours ?? 24) * HOUR_MS;
  const start = Math.max(wanted, end - MAX_WINDOW_DAYS * 24 * HOUR_MS);
  return { start: isoSecond(start), end: isoSecond(end) };
}

function isoSecond(time: number): string {
  // Alert times come from attacker-written records: an instant at the edge of Date's
  // range plus the padding above is past it, and toISOString would throw.
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time < 0 ? EARLIEST_ISO_SECOND : LATEST_ISO_SECOND;
  return `${date.toISOString().slice(0, 19)}Z`;
}

const EARLIEST_ISO_SECOND = '1970-01-01T00:00:00Z';
const LATEST_ISO_SECOND = '9999-12-31T23:59:59Z';

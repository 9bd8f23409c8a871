import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Finds the log files an investigation reads under the paths given: CloudTrail
 * `.json`/`.json.gz` files (the same S3-layout folders `trailwatch scan` reads)
 * and S3 server access-log files (recognised by their first line). Digest and
 * Insights files are passed over: they are not event records, and DuckDB's JSON
 * reader would fail the whole read on one unexpected file.
 */

export type SkipReason =
  | 'hidden'
  | 'cloudtrail-digest'
  | 'cloudtrail-insight'
  | 'outside-window'
  | 'not-a-log-file'
  | 'unreadable';

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface LocalLogFiles {
  readonly cloudTrail: readonly string[];
  readonly accessLogs: readonly string[];
  readonly skipped: readonly SkippedFile[];
}

/** Partition days to keep (inclusive `yyyy/MM/dd`); files with no date in their path are kept. */
export interface DayRange {
  readonly dayFrom: string;
  readonly dayTo: string;
}

const CLOUDTRAIL_FILE = /\.json(?:\.gz)?$/i;
const DIGEST = /(?:^|\/)CloudTrail-Digest\/|_CloudTrail-Digest_/;
const INSIGHT = /(?:^|\/)CloudTrail-Insight\/|_CloudTrail-Insight_/;
/** `.../CloudTrail/<region>/yyyy/mm/dd/<file>`: the delivery day CloudTrail files by. */
const CLOUDTRAIL_DAY = /\/CloudTrail(?:-NetworkActivity)?\/[^/]+\/(\d{4})\/(\d{2})\/(\d{2})\//;
/** Access-log keys: date-based layout `.../yyyy/mm/dd/<file>` or a `yyyy-mm-dd-hh-mm-ss-` name. */
const ACCESS_LOG_DAY =
  /\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+$|(?:^|\/)(\d{4})-(\d{2})-(\d{2})-\d{2}-\d{2}-\d{2}-[^/]*$/;
/** Start of an access-log record: owner, bucket, `[06/Feb/2019:00:00:38 +0000]`. */
const ACCESS_LOG_LINE = /^\S+ \S+ \[\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] /;

/** Walks `paths` (files or folders, recursively) and sorts what it finds. Never follows symlinked folders. */
export async function findLocalLogFiles(
  paths: readonly string[],
  days?: DayRange,
): Promise<LocalLogFiles> {
  const cloudTrail: string[] = [];
  const accessLogs: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const file of await listFiles(paths, skipped)) {
    if (seen.has(file)) continue;
    seen.add(file);
    const slashed = file.replaceAll('\\', '/');
    // Dot-files are never logs (`.truth.json`, editor swap files); `trailwatch scan` passes over them too.
    if (/(?:^|\/)\.[^/]*$/.test(slashed)) skipped.push({ path: file, reason: 'hidden' });
    else if (DIGEST.test(slashed)) skipped.push({ path: file, reason: 'cloudtrail-digest' });
    else if (INSIGHT.test(slashed)) skipped.push({ path: file, reason: 'cloudtrail-insight' });
    else if (CLOUDTRAIL_FILE.test(slashed)) {
      if (inDays(CLOUDTRAIL_DAY.exec(slashed), days)) cloudTrail.push(file);
      else skipped.push({ path: file, reason: 'outside-window' });
    } else if (await looksLikeAccessLog(file)) {
      if (inDays(ACCESS_LOG_DAY.exec(slashed), days)) accessLogs.push(file);
      else skipped.push({ path: file, reason: 'outside-window' });
    } else {
      skipped.push({ path: file, reason: 'not-a-log-file' });
    }
  }
  return { cloudTrail, accessLogs, skipped };
}

async function listFiles(paths: readonly string[], skipped: SkippedFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, out);
      else if (info.isFile()) out.push(path);
    } catch (error) {
      skipped.push({ path, reason: 'unreadable', detail: messageOf(error) });
    }
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden folders (.git, .cache) hold no logs and can be large.
    if (entry.isDirectory() && entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

function inDays(match: RegExpExecArray | null, days: DayRange | undefined): boolean {
  if (!match || !days) return true;
  const [y, m, d] = match.slice(1).filter((part) => part !== undefined);
  const day = `${y}/${m}/${d}`;
  return day >= days.dayFrom && day <= days.dayTo;
}

async function looksLikeAccessLog(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return ACCESS_LOG_LINE.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

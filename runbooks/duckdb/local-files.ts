import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';

/**
 * Finds the log files an investigation reads under the paths given, as
 * `trailwatch scan` does: CloudTrail files as delivered to S3 (`{"Records":[...]}`,
 * `.json.gz` or `.json`, account or organization layout), JSON Lines or arrays of
 * records, EventBridge "... via CloudTrail" events, and S3 server access-log files
 * (recognised by their first line). Digest and Insights files are passed over:
 * they hold no API events, and one unexpected file fails DuckDB's whole JSON read.
 */

/**
 * How a CloudTrail file holds its records: `trail` = `{"Records":[...]}` as
 * delivered to S3; `records` = bare records (JSON Lines, an array, or one);
 * `eventbridge` = EventBridge events with the record in `detail`.
 */
export type CloudTrailFileKind = 'trail' | 'records' | 'eventbridge';

export interface CloudTrailFile {
  readonly path: string;
  readonly kind: CloudTrailFileKind;
}

export type SkipReason =
  | 'hidden'
  | 'not-cloudtrail'
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
  readonly cloudTrail: readonly CloudTrailFile[];
  readonly accessLogs: readonly string[];
  readonly skipped: readonly SkippedFile[];
}

/** Partition days to keep (inclusive `yyyy/MM/dd`); files with no date in their path are kept. */
export interface DayRange {
  readonly dayFrom: string;
  readonly dayTo: string;
}

const JSON_FILE = /\.json(?:\.gz)?$/i;
const JSON_LINES_FILE = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
/** S3 delivery layout: such a file is a `{"Records":[...]}` trail file without looking inside. */
const TRAIL_LAYOUT =
  /\/CloudTrail(?:-NetworkActivity)?\/[^/]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/i;
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
  const cloudTrail: CloudTrailFile[] = [];
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
    else if (JSON_FILE.test(slashed) || JSON_LINES_FILE.test(slashed)) {
      const kind = await cloudTrailKind(file, slashed);
      if (kind === undefined) skipped.push({ path: file, reason: 'not-cloudtrail' });
      else if (inDays(CLOUDTRAIL_DAY.exec(slashed), days)) cloudTrail.push({ path: file, kind });
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

async function cloudTrailKind(
  path: string,
  slashed: string,
): Promise<CloudTrailFileKind | undefined> {
  if (TRAIL_LAYOUT.test(slashed)) return 'trail';
  if (JSON_LINES_FILE.test(slashed)) return 'records';
  const head = await readHead(path, slashed.toLowerCase().endsWith('.gz'));
  if (/^\s*\{\s*"Records"\s*:/.test(head)) return 'trail';
  if (/"detail-type"\s*:\s*"[^"]*via CloudTrail"/.test(head)) return 'eventbridge';
  if (/^\s*[[{]/.test(head) && /"eventVersion"\s*:/.test(head)) return 'records';
  return undefined;
}

const HEAD_BYTES = 4096;

/** The first few KB of a file as text (decompressed for .gz); empty when unreadable. */
async function readHead(path: string, gzipped: boolean): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const source = createReadStream(path, gzipped ? {} : { end: HEAD_BYTES - 1 });
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= HEAD_BYTES) break;
    }
  } catch {
    // A truncated or corrupt file: whatever was read is enough to sniff, or nothing.
  } finally {
    source.destroy();
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8');
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

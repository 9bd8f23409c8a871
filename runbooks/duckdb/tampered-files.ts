import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { isGzip } from '../../ingest/decompress.js';
import { scanDuplicateKeys } from '../../ingest/duplicate-keys.js';
import { DuplicateKeyError } from '../../ingest/errors.js';
import { resolveOptions } from '../../ingest/options.js';
import { readFileBatches } from '../../ingest/read-paths.js';
import type { CloudTrailFile } from './local-files.js';

/**
 * `trailwatch scan` does not read a record that repeats a JSON key (see
 * ingest/duplicate-keys.ts): readers disagree on which value counts, so the log was
 * altered. DuckDB refuses a whole file over such a record when the repeat is in a
 * column it reads, and keeps the record when it is elsewhere (inside
 * `requestParameters`, in a column the queries do not use). Either way the
 * investigation would not see the events detection saw. So every CloudTrail file is
 * checked here, and a file with altered records is loaded from a copy without them:
 * both read the same events.
 */

/** A record left out because it repeats a key, or a file whose `Records` key repeats. */
export interface TamperedRecord {
  readonly path: string;
  /** The record's index in its file, as `trailwatch scan` numbers it; absent for a repeated `Records` key. */
  readonly record?: number;
  /** The repeated key, inside the record (`userIdentity.arn`), or `Records`. */
  readonly keyPath: string;
}

export interface ScreenedFiles {
  readonly tampered: readonly TamperedRecord[];
  /**
   * Original path → a copy holding the file's other records as JSON Lines of bare
   * records (load it as kind `records`), under a folder that mirrors the original
   * path, so the partition day still comes from `.../CloudTrail/<region>/yyyy/mm/dd/`.
   */
  readonly copies: ReadonlyMap<string, string>;
  /** Removes the copies (the table holds their rows once loaded). */
  dispose(): Promise<void>;
}

/** Files up to this size (stored and inflated) are checked in one pass over their text. */
const WHOLE_CHECK_MAX_BYTES = 64 * 1024 * 1024;
const gunzipAsync = promisify(gunzip);

/**
 * Checks `files` one after the other (inflating in the thread pool, so a DuckDB load
 * can run meanwhile). A file's text is scanned once for repeated keys; only a file
 * where the scan finds one (or that is too big to scan whole) is read by ingest
 * itself, which decides record by record exactly as a scan does and writes the copy.
 */
export async function screenCloudTrailFiles(
  files: readonly CloudTrailFile[],
  /** Where the copies' folder is made. */
  scratch = tmpdir(),
): Promise<ScreenedFiles> {
  const tampered: TamperedRecord[] = [];
  const copies = new Map<string, string>();
  let folder: string | undefined;
  const dispose = async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  };
  try {
    for (const file of files) {
      if (await clearlyUntouched(file.path)) continue;
      folder ??= await mkdtemp(join(scratch, 'trailwatch-investigate-'));
      const copy = join(folder, String(copies.size), mirrored(file.path));
      const found = await copyWithoutTampered(file.path, copy);
      if (found.length === 0) continue;
      tampered.push(...found);
      copies.set(file.path, copy);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { tampered, copies, dispose };
}

/**
 * True when no object of the file repeats a key (nor nests too deep to tell). False
 * also when the file cannot be inflated or read whole: ingest then looks closer.
 */
async function clearlyUntouched(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).size > WHOLE_CHECK_MAX_BYTES) return false;
    const stored = await readFile(path);
    const content = isGzip(stored)
      ? await gunzipAsync(stored, { maxOutputLength: WHOLE_CHECK_MAX_BYTES })
      : stored;
    // Records sit two levels down, in the Records envelope; deeper ones ingest rejects.
    const scan = scanDuplicateKeys(content.toString('utf8'), resolveOptions(path).maxDepth + 2);
    return scan.duplicates.length === 0 && !scan.tooDeep;
  } catch {
    return false;
  }
}

/**
 * Reads the file as `trailwatch scan` does and writes the events it reads to `copy`,
 * one per line; returns the records it left out for a repeated key. Bounded memory:
 * big files stream. When nothing was left out, the copy is removed.
 */
async function copyWithoutTampered(path: string, copy: string): Promise<TamperedRecord[]> {
  const found: TamperedRecord[] = [];
  await mkdir(dirname(copy), { recursive: true });
  const out = createWriteStream(copy);
  try {
    for await (const batch of readFileBatches([path])) {
      for (const item of batch) {
        if (item.kind === 'event') {
          if (!out.write(`${JSON.stringify(item.event)}\n`)) await once(out, 'drain');
        } else if (item.kind === 'error' && item.error instanceof DuplicateKeyError) {
          const { record } = item.error.source;
          found.push({
            path,
            ...(record === undefined ? {} : { record }),
            keyPath: item.error.keyPath,
          });
        }
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (found.length === 0) await rm(copy, { force: true });
  return found;
}

/** The file's absolute path as a relative one (drive and root removed), plus `.jsonl`. */
function mirrored(path: string): string {
  const absolute = resolve(path).replaceAll('\\', '/');
  return `${absolute.replace(/^[A-Za-z]:/, '').replace(/^\/+/, '')}.jsonl`;
}

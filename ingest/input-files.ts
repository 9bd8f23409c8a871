import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputPathError } from './errors.js';

/**
 * File names a folder walk takes: CloudTrail's `.json.gz` and the plain/JSON Lines
 * variants, and S3 server access-log objects (`2024-05-14-09-05-12-0A1B2C3D4E5F6789`:
 * S3 gives them no extension).
 */
const LOG_FILE =
  /\.(json|jsonl|ndjson)(\.gz)?$|\.gz$|^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-Za-z]+$/i;

/**
 * Expands paths into the list of files to read, in a stable order so runs and
 * progress counts repeat: a file is taken whatever its name; a folder is walked
 * recursively, entries sorted by name (so `AWSLogs/<acct>/CloudTrail/<region>/yyyy/mm/dd/`
 * comes out in time order, and `AWSLogs/<o-org>/<acct>/...` org trails likewise),
 * taking `.json`, `.json.gz`, `.jsonl(.gz)`, `.ndjson(.gz)` and `.gz` files, and
 * files named like S3 server access-log objects. Digest
 * and Insights files are listed too (reading them reports them skipped). Hidden
 * entries (`.git`, `.DS_Store`) are left out; symlinked folders are followed once.
 * A file reached twice is listed once.
 *
 * A folder that cannot be listed (no permission, gone half-way) is listed itself, in
 * its place: reading it then reports it `unreadable` with the reason, like a file that
 * cannot be read, and the rest is still scanned. One closed sub-folder must not hide
 * every other log from the scan.
 *
 * @throws InputPathError when a given path does not exist.
 */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(file);
    if (!seenFiles.has(key)) {
      seenFiles.add(key);
      files.push(file);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw pathError(path, error);
    });
    if (info.isDirectory()) await walk(path, add, seenDirs);
    else add(path);
  }
  return files;
}

async function walk(
  dir: string,
  add: (file: string) => void,
  seenDirs: Set<string>,
): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    add(dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) await walk(path, add, seenDirs);
    else if (isFile && LOG_FILE.test(entry.name)) add(path);
  }
}

function pathError(path: string, error: unknown): InputPathError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : error instanceof Error
          ? error.message
          : String(error);
  return new InputPathError(path, reason, {
    cause: error,
    ...(typeof code === 'string' ? { code } : {}),
  });
}

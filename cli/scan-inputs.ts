import { resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import {
  InputPathError,
  listInputFiles,
  readFileBatches,
  readObjectBatches,
} from '../ingest/index.js';
import type { IngestOptions } from '../ingest/options.js';
import type { IngestItem } from '../ingest/types.js';
import { UsageError } from './io.js';

/** The path that stands for standard input, as in most Unix tools. */
export const STDIN_PATH = '-';
/** How standard input is named in errors and alerts. */
export const STDIN_NAME = '<stdin>';

/** Names the file kinds a folder walk takes, for messages about folders without any. */
const TAKEN =
  'trailwatch reads .json, .json.gz, .jsonl, .ndjson and .gz files and S3 access-log objects, in sub-folders too';

/** Given paths that hold nothing to scan at all. */
export class NoLogFilesError extends UsageError {
  override readonly name = 'NoLogFilesError';
}

export interface ScanInputs {
  /** Files to read, in `listInputFiles` order. */
  readonly files: string[];
  /** `-` was given: standard input is read before the files. */
  readonly stdin: boolean;
  /** Given folders with no log file in them or below (the other paths are scanned). */
  readonly emptyFolders: string[];
}

/**
 * Lists what a scan reads. A path that does not exist, or a scan with nothing to
 * read (every given folder empty), is a usage error: a CI job pointed at the wrong
 * folder must fail, not report a quiet day.
 *
 * @throws UsageError (exit 2) naming the path and the reason.
 */
export async function listScanInputs(paths: readonly string[]): Promise<ScanInputs> {
  const stdinCount = paths.filter((p) => p === STDIN_PATH).length;
  if (stdinCount > 1) throw new UsageError(`"${STDIN_PATH}" (standard input) is given twice`);
  const named = paths.filter((p) => p !== STDIN_PATH);
  const files = await listed(named);
  const emptyFolders = emptyPaths(named, files);
  if (files.length === 0 && stdinCount === 0) {
    const [only] = emptyFolders;
    throw new NoLogFilesError(
      emptyFolders.length === 1
        ? `${only}: no log files in this folder (${TAKEN}; hidden entries are left out)`
        : `no log files in ${emptyFolders.join(', ')} (${TAKEN}; hidden entries are left out)`,
    );
  }
  return { files, stdin: stdinCount === 1, emptyFolders };
}

/**
 * Given paths under which no listed file lies. The listing is not walked again: a
 * folder inside another given path still counts its files (a folder reached only
 * through a symbolic link into another given path may be named here; it is a warning).
 */
function emptyPaths(paths: readonly string[], files: readonly string[]): string[] {
  const listed = files.map((file) => resolve(file));
  return paths.filter((path) => {
    const root = resolve(path);
    const below = root.endsWith(sep) ? root : `${root}${sep}`;
    return !listed.some((file) => file === root || file.startsWith(below));
  });
}

async function listed(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  try {
    return await listInputFiles(paths);
  } catch (error) {
    if (error instanceof InputPathError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/** The items of standard input (when given), then of the files, in that order. */
export async function* readScanInputs(
  inputs: ScanInputs,
  stdin: Readable | undefined,
  options: IngestOptions,
): AsyncGenerator<readonly IngestItem[]> {
  if (inputs.stdin) {
    if (stdin === undefined) throw new UsageError('standard input is not available');
    yield* readObjectBatches(STDIN_NAME, stdin, options);
  }
  yield* readFileBatches(inputs.files, options);
}

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { listInputFiles } from './input-files.js';
import { classifyKey } from './object-key.js';
import { ObjectTally, type TallyOptions } from './object-tally.js';
import { type IngestOptions, resolveOptions } from './options.js';
import { readObjectBatches } from './read-object.js';
import type { IngestItem } from './types.js';

/** Read buffer for large local files: few, large reads. */
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Reads local files and folders (see `listInputFiles` for the walk) and yields every
 * object's items in order, as `readObject` does. Small files are read whole, large
 * ones streamed. A file that cannot be opened or read, or a folder that cannot be
 * listed, yields an `unreadable` error and its `object-end`, and the next file follows.
 *
 * @throws InputPathError (before any item) when a given path does not exist.
 */
export async function* readPaths(
  paths: readonly string[],
  options?: IngestOptions,
): AsyncGenerator<IngestItem> {
  for await (const batch of readPathsBatches(paths, options)) {
    for (let i = 0; i < batch.length; i++) yield batch[i] as IngestItem;
  }
}

/**
 * {@link readPaths}'s items in batches, in the same order (see `readObjectBatches`):
 * what a scan should consume, as `runPipeline` accepts batches.
 *
 * @throws InputPathError (before any item) when a given path does not exist.
 */
export async function* readPathsBatches(
  paths: readonly string[],
  options?: IngestOptions,
): AsyncGenerator<readonly IngestItem[]> {
  yield* readFileBatches(await listInputFiles(paths), options);
}

/**
 * Reads files already listed (by `listInputFiles`), in the given order: what a worker
 * scanning its share of the files runs.
 */
export async function* readFileBatches(
  files: readonly string[],
  options?: IngestOptions,
): AsyncGenerator<readonly IngestItem[]> {
  for (const file of files) {
    const keySkip = classifyKey(file);
    if (keySkip !== undefined) {
      yield [{ kind: 'skipped', source: { object: file }, ...keySkip }];
      continue;
    }
    const opts = resolveOptions(file, options);
    let body: Buffer | NodeJS.ReadableStream;
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        yield unreadableFolder(file, await folderProblem(file), opts);
        continue;
      }
      body =
        info.size <= opts.wholeParseMaxBytes
          ? await readFile(file)
          : createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
    } catch (error) {
      const tally = new ObjectTally(file, opts);
      const detail = error instanceof Error ? error.message : String(error);
      yield [
        tally.objectError('unreadable', `cannot read the file: ${detail}`, error),
        tally.finish(0),
      ];
      continue;
    }
    yield* readObjectBatches(file, body as Buffer | AsyncIterable<Uint8Array>, options);
  }
}

/**
 * A folder in the file list is one `listInputFiles` could not list: reported as an
 * unreadable object, with the reason listing it fails now.
 */
function unreadableFolder(
  folder: string,
  problem: { detail: string; cause?: unknown },
  opts: TallyOptions,
): IngestItem[] {
  const tally = new ObjectTally(folder, opts);
  return [
    tally.objectError(
      'unreadable',
      `cannot list the folder, its files were not scanned: ${problem.detail}`,
      problem.cause,
    ),
    tally.finish(0),
  ];
}

async function folderProblem(folder: string): Promise<{ detail: string; cause?: unknown }> {
  try {
    await readdir(folder);
  } catch (error) {
    return { detail: error instanceof Error ? error.message : String(error), cause: error };
  }
  return { detail: 'it could not be listed when the scan started; scan it again' };
}

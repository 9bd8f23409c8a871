import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { toContentError } from './content-error.js';
import { detectMode } from './content-mode.js';
import { ContentReader, contentStart } from './content-reader.js';
import { capped, inflate, isGzip } from './decompress.js';
import { scanDuplicateKeys } from './duplicate-keys.js';
import { classifyKey, hasGzipName } from './object-key.js';
import { ObjectTally } from './object-tally.js';
import { type IngestOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { type ObjectBody, releaseBody, StoredBody } from './stored-body.js';
import type { IngestItem } from './types.js';
import type { LazyReader } from './unparsed.js';

/**
 * Reads one object (a local file or an S3 object) and yields its CloudTrail events,
 * then exactly one `object-end`, or a single `skipped` (see IngestItem).
 *
 * `name` is a local path or `s3://bucket/key`: it names the items' source and is
 * classified first (digest, Insights, folder marker: skipped unread). The content is
 * sniffed, not trusted to the name: gzip by its magic bytes; then a CloudTrail log
 * file (`{"Records":[...]}`), one EventBridge event or an array of them, a JSON array
 * of records, JSON Lines of records or events, or several such documents back to
 * back. Objects stored in up to `wholeParseMaxBytes` are parsed in one `JSON.parse`;
 * larger ones, and anything that fails the fast path, stream through a record
 * splitter with memory bounded by one record.
 *
 * Nothing throws for bad input: a bad record is an `error` item and the others still
 * flow; a bad object is one `error` item, then its `object-end`.
 */
export async function* readObject(
  name: string,
  body: ObjectBody,
  options?: IngestOptions,
): AsyncGenerator<IngestItem> {
  for await (const batch of readObjectBatches(name, body, options)) {
    for (let i = 0; i < batch.length; i++) yield batch[i] as IngestItem;
  }
}

/**
 * {@link readObject}'s items in batches (a whole small file, or what one decompressed
 * chunk completed), in the same order. Each step of an async generator costs a
 * promise and a microtask; per batch rather than per event, that cost vanishes from
 * the scan (research/performance.md budgets ~7 µs per event in all).
 */
export async function* readObjectBatches(
  name: string,
  body: ObjectBody,
  options?: IngestOptions,
): AsyncGenerator<readonly IngestItem[]> {
  const keySkip = classifyKey(name);
  if (keySkip !== undefined) {
    await releaseBody(body);
    yield [{ kind: 'skipped', source: { object: name }, ...keySkip }];
    return;
  }
  const opts = resolveOptions(name, options);
  const tally = new ObjectTally(name, opts);
  let stored: StoredBody | undefined;
  try {
    stored = await StoredBody.open(body, opts.wholeParseMaxBytes);
    const head = stored.buffered();
    if (stored.complete && head.length === 0) {
      yield zeroBytes(name, opts, tally);
      return;
    }
    const gzip = isGzip(head);
    if (!gzip && opts.requireGzipForGzName && hasGzipName(name)) {
      yield [
        tally.objectError(
          'not-gzip',
          'name ends in .gz but the content is not gzip (no 1f 8b magic bytes); CloudTrail always gzips log files',
        ),
      ];
    } else if (stored.complete && head.length <= opts.wholeParseMaxBytes) {
      yield* readWhole(name, head, gzip, opts, tally);
    } else {
      const content = gzip
        ? inflate(stored.chunks(), opts.maxDecompressedBytes)
        : capped(stored.chunks(), opts.maxDecompressedBytes);
      yield* readStream(name, content, opts, tally);
    }
  } catch (error) {
    const failure = toContentError(error);
    yield [tally.objectError(failure.code, failure.message, failure.cause)];
  } finally {
    await stored?.release();
  }
  if (!tally.hasContent && opts.requireGzipForGzName && hasGzipName(name)) {
    // As for a zero-byte object: CloudTrail never writes a log file without a JSON
    // value, so an empty or whitespace-only gzip (a bomb of spaces, say) is reported.
    yield [
      tally.objectError(
        'no-records',
        'gzip content holds no JSON value (empty or only whitespace): not a CloudTrail log file',
      ),
    ];
  }
  yield [tally.finish(stored?.bytes ?? 0)];
}

/**
 * A zero-byte object carries no events. Where a `.gz` name must hold gzip (S3) it is
 * reported, as CloudTrail never writes one (a partial write or tampering); elsewhere
 * it is skipped as empty.
 */
function zeroBytes(name: string, opts: ResolvedOptions, tally: ObjectTally): IngestItem[] {
  if (opts.requireGzipForGzName && hasGzipName(name)) {
    return [
      tally.objectError('truncated-gzip', 'zero-byte object with a .gz name: no gzip data at all'),
      tally.finish(0),
    ];
  }
  return [
    {
      kind: 'skipped',
      source: { object: name },
      reason: 'empty-object',
      detail: 'zero-byte object',
    },
  ];
}

/**
 * The fast path for a small object: inflate in one call, one `JSON.parse`. Anything
 * unusual (inflate failure, larger than the whole-parse cap, bad UTF-8, JSON Lines,
 * invalid JSON) goes to the streaming reader instead, so both paths report the same
 * items: the fast path is only ever a shortcut.
 */
async function* readWhole(
  name: string,
  stored: Buffer,
  gzip: boolean,
  opts: ResolvedOptions,
  tally: ObjectTally,
): AsyncGenerator<readonly IngestItem[]> {
  let content: Buffer | undefined;
  if (!gzip) content = stored.length <= opts.wholeParseMaxInflatedBytes ? stored : undefined;
  else {
    try {
      content = gunzipSync(stored, {
        maxOutputLength: opts.wholeParseMaxInflatedBytes,
        // 128 KiB output chunks instead of 16: a quarter less CPU for a 3 MB log file.
        chunkSize: WHOLE_GUNZIP_CHUNK_BYTES,
      });
    } catch {
      content = undefined;
    }
  }
  if (content === undefined) {
    const max = opts.maxDecompressedBytes;
    const inflated = gzip ? inflate(single(stored), max) : capped(single(stored), max);
    yield* readStream(name, inflated, opts, tally);
    return;
  }
  const lazy = opts.lazy && readLazily(name, content, opts.lazy);
  if (lazy) {
    yield [...tally.lazy(lazy)];
    return;
  }
  const value = parseDocument(name, content, opts.maxDepth);
  if (value === NOT_PARSED) {
    yield* readStream(name, single(content), opts, tally);
    return;
  }
  yield [...tally.value(value, false)];
}

/** The records of a document `reader` can split, parsed only where it chooses; else undefined. */
function readLazily(
  name: string,
  content: Buffer,
  reader: LazyReader,
): readonly unknown[] | undefined {
  const start = contentStart(content);
  if (!start.ok) return undefined;
  const body = content.subarray(start.skip);
  if (detectMode(name, body, true) !== 'document') return undefined;
  return reader(body);
}

/**
 * Parses decompressed content as one JSON document, or says it needs the streaming
 * reader. A document that repeats a key anywhere (or nests too deep to tell) goes
 * there too: `JSON.parse` has already kept one value of each repeated key, while the
 * streaming reader checks record by record and reports exactly the records (or the
 * second `Records` array) that repeat one.
 */
function parseDocument(name: string, content: Buffer, maxDepth: number): unknown {
  const start = contentStart(content);
  if (!start.ok) return NOT_PARSED;
  const body = content.subarray(start.skip);
  if (detectMode(name, body, true) !== 'document' || !isUtf8(body)) return NOT_PARSED;
  const text = body.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_PARSED;
  }
  // The records sit two levels down, in the Records envelope.
  const scan = scanDuplicateKeys(text, maxDepth + 2);
  return scan.duplicates.length > 0 || scan.tooDeep ? NOT_PARSED : value;
}

const WHOLE_GUNZIP_CHUNK_BYTES = 128 * 1024;

const NOT_PARSED: unique symbol = Symbol('not parsed');

/** Streams decompressed chunks through the content reader. */
async function* readStream(
  name: string,
  content: AsyncIterable<Buffer>,
  opts: ResolvedOptions,
  tally: ObjectTally,
): AsyncGenerator<readonly IngestItem[]> {
  const reader = new ContentReader(tally, name, opts);
  for await (const chunk of content) {
    // The reader reuses its array: hand on a copy.
    const items = reader.push(chunk);
    if (items.length > 0) yield items.slice();
    if (reader.stopped) return;
  }
  const last = reader.end();
  if (last.length > 0) yield last.slice();
}

async function* single(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

import { type EventTimeRange, eventTimeRange } from './event-time.js';
import type { LazyReader } from './unparsed.js';

/** Limits and policies for reading one object. Every field is optional; see the defaults. */
export interface IngestOptions {
  /**
   * Largest decompressed size accepted for one object. Past it the object fails with
   * `oversize` (a gzip bomb is ~1000:1). Default 4 GiB.
   */
  readonly maxDecompressedBytes?: number;
  /**
   * Largest single record, JSON Lines line, or top-level value other than a streamed
   * `Records` array. Past it that record fails with `oversize`. Default 16 MiB.
   */
  readonly maxRecordBytes?: number;
  /**
   * Deepest nesting accepted in a record (counting the record, or its EventBridge
   * envelope, as level 1). Deeper records fail with `too-deep`: downstream
   * `JSON.stringify` overflows the stack near 5,000 levels. Default 100.
   */
  readonly maxDepth?: number;
  /**
   * Objects stored in at most this many bytes, and inflating to at most 8 MiB, are
   * parsed in one `JSON.parse` (faster on small files); others stream record by record
   * with bounded memory. Default 2 MiB (research/performance.md, recommendation 3).
   */
  readonly wholeParseMaxBytes?: number;
  /**
   * Whether a name ending in `.gz` must hold gzip data. CloudTrail always gzips, so
   * plain bytes under such a key in a bucket are suspicious (`not-gzip`); locally,
   * tools often decompress a file and keep its name, so it is read as plain text.
   * Default: true for `s3://` names, false for local paths.
   */
  readonly requireGzipForGzName?: boolean;
  /**
   * The reference path: every record is validated by the zod schema's `safeParse`. The
   * default path gives the same items (the compiled schema check agrees with zod, and a
   * record it refuses is judged by zod) at a fraction of the cost. For tests and the
   * benchmark's equivalence check. Default false.
   */
  readonly exhaustive?: boolean;
  /**
   * Reads small CloudTrail log files lazily, parsing only the records that matter
   * (`lazyReaderFor(engine)` in detectors/record-filter.ts): the others are counted as
   * `unparsed` on the object's `object-end`, never validated or yielded. Ignored when
   * `exhaustive`. Default: none, every record is parsed.
   */
  readonly lazy?: LazyReader;
  /**
   * The reading clock (epoch ms), read once per object: records dated more than a day
   * after it, or before 2005, are refused (`invalid-record`, see event-time.ts).
   * Injected so tests are deterministic. Default `Date.now`.
   */
  readonly clock?: () => number;
  /**
   * Record-level errors of one object yielded as `error` items; past this many the
   * object's bad records are only counted (its `object-end` says how many in
   * `unlistedErrors`), so a file of millions of bad records costs a count each,
   * not an error object, a message and a stack trace each. Default 100.
   */
  readonly maxListedErrors?: number;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly maxDecompressedBytes: number;
  readonly maxRecordBytes: number;
  readonly maxDepth: number;
  readonly wholeParseMaxBytes: number;
  /** Decompressed size up to which the whole-parse path is used. */
  readonly wholeParseMaxInflatedBytes: number;
  readonly requireGzipForGzName: boolean;
  readonly exhaustive: boolean;
  readonly lazy: LazyReader | undefined;
  readonly eventTimes: EventTimeRange;
  readonly maxListedErrors: number;
}

/** Default of {@link IngestOptions.maxListedErrors}. */
export const DEFAULT_MAX_LISTED_ERRORS = 100;

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Whole-file JSON.parse peaks near 40 MiB + 4.7 MiB per MB of JSON (performance.md): at
 * 8 MiB that is ~80 MiB, inside a small Lambda. Typical CloudTrail files are smaller;
 * bigger ones stream, which is as fast or faster at that size.
 */
const WHOLE_PARSE_MAX_INFLATED = 8 * MiB;

/** Applies defaults; the gzip policy depends on whether `name` is an S3 URI. */
export function resolveOptions(name: string, options: IngestOptions = {}): ResolvedOptions {
  const maxDecompressedBytes = positive(options.maxDecompressedBytes, 4 * GiB);
  const maxRecordBytes = positive(options.maxRecordBytes, 16 * MiB);
  return {
    maxDecompressedBytes,
    maxRecordBytes,
    maxDepth: positive(options.maxDepth, 100),
    wholeParseMaxBytes: nonNegative(options.wholeParseMaxBytes, 2 * MiB),
    // A whole object never exceeds the per-record cap, so both paths agree on `oversize`.
    wholeParseMaxInflatedBytes: Math.min(
      WHOLE_PARSE_MAX_INFLATED,
      maxRecordBytes,
      maxDecompressedBytes,
    ),
    requireGzipForGzName: options.requireGzipForGzName ?? name.startsWith('s3://'),
    exhaustive: options.exhaustive === true,
    lazy: options.exhaustive === true ? undefined : options.lazy,
    eventTimes: eventTimeRange((options.clock ?? Date.now)()),
    maxListedErrors: nonNegative(options.maxListedErrors, DEFAULT_MAX_LISTED_ERRORS),
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

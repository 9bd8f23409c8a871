import type { AccessLogRecord } from './access-log/types.js';
import { shapeOf } from './document-shape.js';
import { formatKeyPath, repeatsByRecord, scanDuplicateKeys } from './duplicate-keys.js';
import { DuplicateKeyError, IngestError, type IngestErrorCode } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { checkRecord, type RecordOutcome } from './record-check.js';
import type { IngestItem, SkipReason } from './types.js';
import { UNPARSED } from './unparsed.js';

/** What a tally needs of the resolved options. */
export type TallyOptions = Pick<
  ResolvedOptions,
  'maxDepth' | 'exhaustive' | 'eventTimes' | 'maxListedErrors'
>;

/**
 * Turns one object's values and records into items and counts them, so the object
 * can end with the single `object-end` (or `skipped`) the IngestItem contract
 * promises. Records are numbered in the order they are met, from 0.
 *
 * Bad records and values are listed (yielded as `error` items) up to
 * `maxListedErrors` per object; past it they are counted only (`unlistedErrors` on
 * the `object-end`), and cost no message and no error object. Failures of the object
 * itself (`objectError`) are always listed: there are at most a few.
 */
export class ObjectTally {
  private events = 0;
  private accessLogRecords = 0;
  private unparsed = 0;
  private errors = 0;
  private unlisted = 0;
  /** Records reported for a repeated key: listed on a cap of their own (see `repeatedKey`). */
  private tampered = 0;
  private ignored = 0;
  private firstIgnored: { reason: SkipReason; detail: string } | undefined;
  private content = false;
  private nextRecord = 0;

  constructor(
    readonly object: string,
    private readonly options: TallyOptions,
  ) {}

  /** Whether the next bad record or value is still listed with its reason. */
  get listing(): boolean {
    return this.errors - this.unlisted < this.options.maxListedErrors;
  }

  /** One record candidate: an event or error item, or undefined when passed over on purpose. */
  record(value: unknown): IngestItem | undefined {
    this.content = true;
    const record = this.nextRecord++;
    let outcome: RecordOutcome;
    try {
      outcome = checkRecord(value, this.options, this.listing);
    } catch (cause) {
      // No record may stop its object: whatever the check tripped on, the record is
      // reported and the next one is read.
      return this.failed(
        'invalid-record',
        record,
        () => `record could not be checked: ${messageOf(cause)}`,
        cause,
      );
    }
    if (outcome.kind === 'event') {
      this.events++;
      return { kind: 'event', event: outcome.event, source: { object: this.object, record } };
    }
    if (outcome.kind === 'ignored') {
      this.ignore(outcome.reason, outcome.detail);
      return undefined;
    }
    return this.failed(outcome.code, record, () => outcome.reason);
  }

  /**
   * One record parsed from `text`. A record that repeats a key is reported and not
   * read (see DuplicateKeyError for why). Only records that are parsed anyway are
   * scanned, so the check costs one pass over text already in hand.
   */
  parsedRecord(value: unknown, text: string): IngestItem | undefined {
    const scan = scanDuplicateKeys(text, this.options.maxDepth);
    const first = scan.duplicates[0];
    return first === undefined ? this.record(value) : this.repeatedKey(formatKeyPath(first));
  }

  /**
   * A record that repeats a key. Listed on a cap of its own, so that no number of
   * other bad records in front of it can keep the tampering from being named.
   */
  private repeatedKey(keyPath: string): IngestItem | undefined {
    this.content = true;
    const record = this.nextRecord++;
    this.errors++;
    if (this.tampered++ >= this.options.maxListedErrors) {
      this.unlisted++;
      return undefined;
    }
    const error = DuplicateKeyError.inRecord({ object: this.object, record }, keyPath);
    return { kind: 'error', error };
  }

  /** The top-level `Records` key came again; `arraysRead` as in DuplicateKeyError.ofRecords. */
  repeatedRecordsKey(arraysRead: boolean): IngestItem {
    this.content = true;
    this.errors++;
    return {
      kind: 'error',
      error: DuplicateKeyError.ofRecords({ object: this.object }, arraysRead),
    };
  }

  /** A CloudTrail record passed over unparsed (see `lazyRecords`): counted and numbered only. */
  unparsedRecord(): void {
    this.content = true;
    this.nextRecord++;
    this.unparsed++;
  }

  /** One S3 server access-log record (a line that parsed). */
  accessLogRecord(record: AccessLogRecord): IngestItem {
    this.content = true;
    this.accessLogRecords++;
    return {
      kind: 'access-log',
      record,
      source: { object: this.object, record: this.nextRecord++ },
    };
  }

  /**
   * A record candidate that could not even be parsed (bad JSON, bad UTF-8, too long).
   * `message` may be a function, called only when the error is listed.
   */
  recordError(
    code: IngestErrorCode,
    message: string | (() => string),
    cause?: unknown,
  ): IngestItem | undefined {
    this.content = true;
    return this.failed(code, this.nextRecord++, message, cause);
  }

  /**
   * A top-level value that is not one record (a JSON Lines line holding a number, a
   * value too long), after which reading goes on: counted past the listing cap like
   * a bad record.
   */
  valueError(code: IngestErrorCode, message: string | (() => string)): IngestItem | undefined {
    this.content = true;
    return this.failed(code, undefined, message);
  }

  /** A failure of the object itself: always listed (at most a few per object). */
  objectError(code: IngestErrorCode, message: string, cause?: unknown): IngestItem {
    this.content = true;
    this.errors++;
    const error = new IngestError(code, { object: this.object }, message, withCause(cause));
    return { kind: 'error', error };
  }

  /** Counts a bad record or value; lists it while under the cap. */
  private failed(
    code: IngestErrorCode,
    record: number | undefined,
    message: string | (() => string),
    cause?: unknown,
  ): IngestItem | undefined {
    const listed = this.listing;
    this.errors++;
    if (!listed) {
      this.unlisted++;
      return undefined;
    }
    const source = record === undefined ? { object: this.object } : { object: this.object, record };
    const text = typeof message === 'string' ? message : message();
    return { kind: 'error', error: new IngestError(code, source, text, withCause(cause)) };
  }

  /** Whether anything but whitespace came out of the object: a value, a record, an error. */
  get hasContent(): boolean {
    return this.content;
  }

  /** Notes that the object had JSON content, even if it held no records (`{"Records":[]}`). */
  noteContent(): void {
    this.content = true;
  }

  /** Notes something passed over on purpose (digest content, Insights record...). */
  ignore(reason: SkipReason, detail: string): void {
    this.content = true;
    this.ignored++;
    this.firstIgnored ??= { reason, detail };
  }

  /** Items for the records `lazyRecords` returned: parsed ones checked, the others counted. */
  *lazy(records: readonly unknown[]): Generator<IngestItem> {
    this.content = true;
    for (let i = 0; i < records.length; i++) {
      const value = records[i];
      if (value === UNPARSED) {
        this.unparsedRecord();
        continue;
      }
      const item = this.record(value);
      if (item !== undefined) yield item;
    }
  }

  /**
   * {@link value} for a value parsed from `text`: its records that repeat a key are
   * reported instead of read; if its `Records` key repeats, none of its records is
   * read (`JSON.parse` kept only the last array).
   */
  *parsedValue(value: unknown, text: string, jsonLines: boolean): Generator<IngestItem> {
    // Two levels more than a record's: the Records envelope around it.
    const scan = scanDuplicateKeys(text, this.options.maxDepth + 2);
    if (scan.duplicates.length === 0) {
      yield* this.value(value, jsonLines);
      return;
    }
    const repeats = repeatsByRecord(value, scan.duplicates);
    if (repeats.recordsKey) yield this.repeatedRecordsKey(false);
    else yield* this.value(value, jsonLines, repeats.records);
  }

  /**
   * Expands one parsed top-level value (or JSON Lines line) into items; the records
   * `repeated` names (by index, with the repeated key's path) are reported, not read.
   */
  *value(
    value: unknown,
    jsonLines: boolean,
    repeated?: ReadonlyMap<number, string>,
  ): Generator<IngestItem> {
    const shape = shapeOf(value, jsonLines);
    switch (shape.kind) {
      case 'records':
      case 'array': {
        this.content = true;
        const list = shape.kind === 'records' ? shape.records : shape.items;
        for (let i = 0; i < list.length; i++) {
          const keyPath = repeated?.get(i);
          const item = keyPath === undefined ? this.record(list[i]) : this.repeatedKey(keyPath);
          if (item !== undefined) yield item;
        }
        return;
      }
      case 'single': {
        const keyPath = repeated?.get(0);
        const item = keyPath === undefined ? this.record(shape.item) : this.repeatedKey(keyPath);
        if (item !== undefined) yield item;
        return;
      }
      case 'skip':
        this.ignore(shape.reason, shape.detail);
        return;
      case 'records-not-array': {
        const item = this.valueError(
          'records-not-array',
          () => `Records is ${shape.found}, expected an array`,
        );
        if (item !== undefined) yield item;
        return;
      }
      case 'unknown': {
        const item = this.valueError(
          'no-records',
          () => `${shape.detail}: not a CloudTrail log file, EventBridge event or record`,
        );
        if (item !== undefined) yield item;
        return;
      }
    }
  }

  /** The object's last item: `skipped` if it held only passed-over content, else `object-end`. */
  finish(bytes: number): IngestItem {
    const source = { object: this.object };
    if (
      this.events === 0 &&
      this.errors === 0 &&
      this.accessLogRecords === 0 &&
      this.unparsed === 0
    ) {
      if (this.firstIgnored !== undefined) {
        const { reason, detail } = this.firstIgnored;
        return { kind: 'skipped', source, reason, detail };
      }
      if (!this.content) {
        return { kind: 'skipped', source, reason: 'empty-object', detail: 'no JSON content' };
      }
    }
    const end = {
      kind: 'object-end',
      source,
      events: this.events,
      errors: this.errors,
      bytes,
    } as const;
    return {
      ...end,
      ...(this.ignored > 0 ? { ignored: this.ignored } : {}),
      ...(this.accessLogRecords > 0 ? { accessLogRecords: this.accessLogRecords } : {}),
      ...(this.unparsed > 0 ? { unparsed: this.unparsed } : {}),
      ...(this.unlisted > 0 ? { unlistedErrors: this.unlisted } : {}),
    };
  }
}

function messageOf(cause: unknown): string {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'unknown error';
  }
}

function withCause(cause: unknown): { cause?: unknown } | undefined {
  return cause === undefined ? undefined : { cause };
}

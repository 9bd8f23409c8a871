import type { AccessLogRecord } from './access-log/types.js';
import { shapeOf } from './document-shape.js';
import { IngestError, type IngestErrorCode } from './errors.js';
import { checkRecord } from './record-check.js';
import type { IngestItem, SkipReason } from './types.js';
import { UNPARSED } from './unparsed.js';

/**
 * Turns one object's values and records into items and counts them, so the object
 * can end with the single `object-end` (or `skipped`) the IngestItem contract
 * promises. Records are numbered in the order they are met, from 0.
 */
export class ObjectTally {
  private events = 0;
  private accessLogRecords = 0;
  private unparsed = 0;
  private errors = 0;
  private ignored = 0;
  private firstIgnored: { reason: SkipReason; detail: string } | undefined;
  private content = false;
  private nextRecord = 0;

  /**
   * @param exhaustive validate every record with zod's `safeParse` (the reference path)
   *   rather than the compiled check; see `checkRecord`.
   */
  constructor(
    readonly object: string,
    private readonly maxDepth: number,
    private readonly exhaustive = false,
  ) {}

  /** One record candidate: an event or error item, or undefined when passed over on purpose. */
  record(value: unknown): IngestItem | undefined {
    this.content = true;
    const record = this.nextRecord++;
    const outcome = checkRecord(value, this.maxDepth, this.exhaustive);
    if (outcome.kind === 'event') {
      this.events++;
      return { kind: 'event', event: outcome.event, source: { object: this.object, record } };
    }
    if (outcome.kind === 'ignored') {
      this.ignore(outcome.reason, outcome.detail);
      return undefined;
    }
    this.errors++;
    const error = new IngestError(outcome.code, { object: this.object, record }, outcome.reason);
    return { kind: 'error', error };
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

  /** A record candidate that could not even be parsed (bad JSON, bad UTF-8, too long). */
  recordError(code: IngestErrorCode, message: string, cause?: unknown): IngestItem {
    this.content = true;
    this.errors++;
    const source = { object: this.object, record: this.nextRecord++ };
    return { kind: 'error', error: new IngestError(code, source, message, withCause(cause)) };
  }

  /** A failure of the object itself, or of a top-level value that is not one record. */
  objectError(code: IngestErrorCode, message: string, cause?: unknown): IngestItem {
    this.content = true;
    this.errors++;
    const error = new IngestError(code, { object: this.object }, message, withCause(cause));
    return { kind: 'error', error };
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

  /** Expands one parsed top-level value (or JSON Lines line) into items. */
  *value(value: unknown, jsonLines: boolean): Generator<IngestItem> {
    const shape = shapeOf(value, jsonLines);
    switch (shape.kind) {
      case 'records':
      case 'array': {
        this.content = true;
        const list = shape.kind === 'records' ? shape.records : shape.items;
        for (let i = 0; i < list.length; i++) {
          const item = this.record(list[i]);
          if (item !== undefined) yield item;
        }
        return;
      }
      case 'single': {
        const item = this.record(shape.item);
        if (item !== undefined) yield item;
        return;
      }
      case 'skip':
        this.ignore(shape.reason, shape.detail);
        return;
      case 'records-not-array':
        yield this.objectError('records-not-array', `Records is ${shape.found}, expected an array`);
        return;
      case 'unknown':
        yield this.objectError(
          'no-records',
          `${shape.detail}: not a CloudTrail log file, EventBridge event or record`,
        );
        return;
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
    };
  }
}

function withCause(cause: unknown): { cause?: unknown } | undefined {
  return cause === undefined ? undefined : { cause };
}

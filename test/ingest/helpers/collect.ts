import { Readable } from 'node:stream';
import type { IngestItem } from '../../../ingest/types.js';

/** Drains an item stream into an array. */
export async function collect(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * One short line per item, for readable assertions: `event 3 <eventID>`,
 * `error invalid-record @2`, `skipped cloudtrail-digest`, `end 5/1`.
 */
export function summarize(items: readonly IngestItem[]): string[] {
  return items.map(summarizeOne);
}

function summarizeOne(item: IngestItem): string {
  switch (item.kind) {
    case 'event':
      return `event ${item.source.record} ${item.event.eventID ?? ''}`.trimEnd();
    case 'access-log':
      return `access-log ${item.source.record} ${item.record.requestId ?? ''}`.trimEnd();
    case 'error':
      return item.error.source.record === undefined
        ? `error ${item.error.code}`
        : `error ${item.error.code} @${item.error.source.record}`;
    case 'skipped':
      return `skipped ${item.reason}`;
    case 'object-end':
      return item.ignored === undefined
        ? `end ${item.events}/${item.errors}`
        : `end ${item.events}/${item.errors} ignored ${item.ignored}`;
  }
}

/** The events' IDs, in order. */
export function eventIds(items: readonly IngestItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'event' ? [item.event.eventID ?? ''] : []));
}

/** The error items' errors. */
export function errorsOf(items: readonly IngestItem[]) {
  return items.flatMap((item) => (item.kind === 'error' ? [item.error] : []));
}

/** A stream that hands out `bytes` in chunks of `size`, like a Readable or an S3 body. */
export function chunked(bytes: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
    { objectMode: false },
  );
}

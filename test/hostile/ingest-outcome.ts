import { fromEventBridge } from '../../ingest/eventbridge.js';
import { classifyKey } from '../../ingest/object-key.js';
import { readObject } from '../../ingest/read-object.js';
import { parseS3Notification } from '../../ingest/s3-notification.js';
import type { IngestItem } from '../../ingest/types.js';
import { BUCKET, CORPUS_MAX_DECOMPRESSED_BYTES, type HostileCase, type Outcome } from './corpus.js';

/** What ingest alone made of a case: the outcome it implies, events, codes and every error message. */
export interface IngestOutcome {
  readonly outcome: Outcome;
  readonly events: number;
  readonly codes: readonly string[];
  readonly skip: string | undefined;
  /** Each error with the name of what it was reported against (object, message, event). */
  readonly errors: readonly { readonly object: string; readonly message: string }[];
  /** Items per object: exactly one `object-end` or `skipped` each (the IngestItem contract). */
  readonly endings: readonly number[];
}

/** Runs a case through ingest only, as the S3 path would (same names, same cap). */
export async function ingestOutcome(c: HostileCase): Promise<IngestOutcome> {
  const items: IngestItem[][] = [];
  const errors: { object: string; message: string }[] = [];
  let skip: string | undefined;
  const read = async (key: string, body: Buffer) => {
    const list: IngestItem[] = [];
    for await (const item of readObject(`s3://${BUCKET}/${key}`, body, {
      maxDecompressedBytes: CORPUS_MAX_DECOMPRESSED_BYTES,
    })) {
      list.push(item);
    }
    items.push(list);
  };
  const input = c.input;
  if (input.kind === 'object') await read(input.key, input.body);
  else if (input.kind === 'eventbridge') {
    items.push(fromEventBridge(JSON.parse(input.payload), { object: `eventbridge:${c.id}` }));
  } else {
    for (const result of parseS3Notification(input.body, { source: { object: `sqs:${c.id}` } })) {
      if (result.kind === 'skipped') skip ??= result.reason;
      else if (result.kind === 'error') {
        errors.push({ object: result.error.source.object, message: result.error.message });
        items.push([{ kind: 'error', error: result.error }]);
      } else if (classifyKey(result.object.uri) === undefined) {
        const body = input.objects[result.object.key];
        if (body === undefined) throw new Error(`${c.id}: no object for ${result.object.key}`);
        await read(result.object.key, body);
      }
    }
  }
  let events = 0;
  const codes = new Set<string>();
  for (const list of items) {
    for (const item of list) {
      if (item.kind === 'event') events++;
      else if (item.kind === 'skipped') skip ??= item.reason;
      else if (item.kind === 'error') {
        codes.add(item.error.code);
        if (item.error.code !== 'invalid-notification') {
          errors.push({ object: item.error.source.object, message: item.error.message });
        }
      }
    }
  }
  const outcome: Outcome = codes.size > 0 ? 'Q' : events === 0 && skip !== undefined ? 'S' : 'P';
  return {
    outcome,
    events,
    codes: [...codes].sort(),
    skip,
    errors,
    endings: items
      .filter((list) =>
        list.some((i) => i.kind !== 'error' || i.error.code !== 'invalid-notification'),
      )
      .map((list) => list.filter((i) => i.kind === 'object-end' || i.kind === 'skipped').length),
  };
}

import { lazyRecords, type RecordFilter } from '../ingest/lazy-records.js';
import { type KeyNeedle, keyNeedle, type RawDocument } from '../ingest/raw-document.js';
import type { LazyReader } from '../ingest/unparsed.js';
import type { DetectorEngine } from './engine.js';
import { baseEventName } from './helpers/event-name.js';
import type { RawHint } from './types.js';

const EVENT_NAME = keyNeedle('eventName');
const EVENT_SOURCE = keyNeedle('eventSource');
const BACKSLASH = Buffer.from('\\', 'latin1');

/** A {@link RawHint} with its byte strings ready to search; each entry is "any of these". */
interface CompiledHint {
  readonly contains: readonly (readonly Buffer[])[];
  readonly value?: { readonly key: KeyNeedle; readonly test: (value: string) => boolean };
}

/**
 * The ingest `recordFilter` for an engine: a record is parsed when it holds a
 * backslash (an escape could spell a name differently from its bytes), when it has
 * no string `eventName` (ingest must reject it and say why), when any
 * `"eventName":"…"` in it (nested ones too: the real one is among them) is listened
 * to, likewise any `"eventSource":"…"` for source-wide detectors, or when an
 * every-event detector's {@link RawHint} holds. Without a hint, every record is.
 */
/**
 * The ingest option `lazy` for an engine: compact CloudTrail files are split without
 * parsing, and only the records {@link recordFilterFor} keeps are parsed.
 */
export function lazyReaderFor(engine: DetectorEngine): LazyReader {
  const filter = recordFilterFor(engine);
  return (body) => lazyRecords(body, filter);
}

export function recordFilterFor(engine: DetectorEngine): RecordFilter {
  const listening = engine.listening;
  const { ctx } = listening;
  const hints: CompiledHint[] = [];
  const needles = new Map<string, Buffer>();
  for (const detector of listening.everyEvent) {
    const hint = detector.rawHint?.(ctx);
    if (hint === 'never') continue;
    if (hint === undefined) return (document) => new Uint8Array(document.count).fill(1);
    hints.push(compile(hint, needles));
  }
  return (document) => {
    const keep = new Uint8Array(document.count);
    document.forEachContaining(BACKSLASH, (record) => {
      keep[record] = 1;
    });
    const named = new Uint8Array(document.count);
    document.forEachValue(EVENT_NAME, (record, name) => {
      named[record] = 1;
      if (name === undefined || listening.names.has(baseEventName(name))) keep[record] = 1;
    });
    for (let i = 0; i < named.length; i++) if (named[i] === 0) keep[i] = 1;
    if (listening.sources.size > 0) {
      document.forEachValue(EVENT_SOURCE, (record, source) => {
        if (source === undefined || listening.sources.has(source)) keep[record] = 1;
      });
    }
    // Several detectors share needles (the instance-credential ones all look for `/i-`):
    // each distinct needle is searched once per file and its records reused.
    const found = new Map<Buffer, number[]>();
    for (const hint of hints) markHint(document, hint, keep, found);
    return keep;
  };
}

/** Compiles a hint; equal byte strings get the same Buffer (`needles`), so their searches can be shared. */
function compile(hint: RawHint, needles: Map<string, Buffer>): CompiledHint {
  const bufferOf = (text: string) => {
    let buffer = needles.get(text);
    if (!buffer) {
      buffer = Buffer.from(text, 'latin1');
      needles.set(text, buffer);
    }
    return buffer;
  };
  const contains = (hint.contains ?? []).map((entry) =>
    (typeof entry === 'string' ? [entry] : entry).map(bufferOf),
  );
  return hint.value
    ? { contains, value: { key: keyNeedle(hint.value.key), test: hint.value.test } }
    : { contains };
}

/** Sets `keep` for the records not yet kept that satisfy `hint`. */
function markHint(
  document: RawDocument,
  hint: CompiledHint,
  keep: Uint8Array,
  found: Map<Buffer, number[]>,
): void {
  const [first, ...rest] = hint.contains;
  const { value } = hint;
  const passes = (text: string | undefined) => text === undefined || value?.test(text) === true;
  if (first === undefined) {
    if (value === undefined) return;
    document.forEachValue(
      value.key,
      (record, text) => {
        if (passes(text)) keep[record] = 1;
      },
      keep,
    );
    return;
  }
  // The byte strings narrow it down first (the first one is rare); the value, if any,
  // is then read from those records alone.
  const check = (record: number) => {
    if (keep[record] === 1) return;
    if (!rest.every((any) => any.some((needle) => document.includes(record, needle)))) return;
    if (value === undefined || document.valuesIn(record, value.key).some(passes)) {
      keep[record] = 1;
    }
  };
  for (const needle of first) {
    let records = found.get(needle);
    if (!records) {
      const list: number[] = [];
      document.forEachContaining(needle, (record) => list.push(record));
      found.set(needle, list);
      records = list;
    }
    for (const record of records) check(record);
  }
}

/**
 * Finds keys repeated within one JSON object. `JSON.parse` keeps the last value of a
 * repeated key without a word, DuckDB refuses the object, other readers keep the
 * first value: a record with two `eventName`s is a different event to each of them.
 * CloudTrail never writes one, so a repeated key means the log was altered after
 * delivery (a `StopLogging` hidden behind an innocent name, a user framed by a
 * second `arn`).
 *
 * One linear pass over text that `JSON.parse` already accepted. Strings are skipped
 * with `indexOf`, so a `":` or an escaped quote inside a string is never taken for a
 * key. Each key is compared only with the keys of its own object (the same key in
 * two sibling objects is fine): first by a signature (length and three characters),
 * then by its text. Keys sit in flat typed arrays reused across calls; an object
 * with many keys gets one Map of full hashes, so an object of 100,000 keys is still
 * one linear pass. Nothing is allocated per key, except for keys spelled with
 * escapes (decoded, as `JSON.parse` does: `"event\u004eame"` is `eventName`).
 */

/** One step of a path into a JSON value: an object key or an array index. */
export type JsonPathStep = string | number;

export interface DuplicateKeyScan {
  /** Path of each repeated key from the scanned value's root, in text order (at most 16). */
  readonly duplicates: readonly (readonly JsonPathStep[])[];
  /**
   * The value nests deeper than the depth asked for: keys below it were not compared.
   * Ingest rejects records nested that deep anyway (`too-deep`).
   */
  readonly tooDeep: boolean;
}

const CLEAN: DuplicateKeyScan = { duplicates: [], tooDeep: false };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Keys compared one by one up to this count per object; past it, through a Map of hashes. */
const LINEAR_KEYS = 32;
/** Sizes the reused arrays may keep between scans; larger ones are dropped after the scan. */
const RETAINED_KEYS = 1 << 16;
const RETAINED_DEPTH = 1 << 10;
/** Repeats reported per scan: enough to name them; more only make the verdict surer. */
const MAX_REPORTED = 16;
/**
 * Seeds the full hash of big objects, so that no file can be crafted to make its
 * keys collide there. A collision is always checked against the key text, so it can
 * never report a false repeat; a flood of them would only cost time.
 */
const SEED = (Math.random() * 0x40000000) | 0;

/** Scan state, reused across calls (a scan never yields, so calls never interleave). */
const state = {
  /** Per depth: 1 for an object, 0 for an array. */
  isObject: new Uint8Array(64),
  /** Per depth: flat index where the open object's keys start. */
  keyBase: new Int32Array(64),
  /** Per depth: flat index of the object's current key, or the array's element index. */
  position: new Int32Array(64),
  /** Per key (flat): signature, start and end offsets of its text. */
  signature: new Int32Array(256),
  start: new Int32Array(256),
  end: new Int32Array(256),
  /** Keys spelled with escapes, decoded: flat index → key. Rare. */
  decoded: new Map<number, string>(),
  /** Per depth: the Map of an object with more than LINEAR_KEYS keys (full hash → flat index). */
  big: [] as (Map<number, number> | undefined)[],
};

/**
 * Scans `text`, one JSON value that `JSON.parse` accepts, for keys repeated within an
 * object. Levels count as in `nestsDeeperThan` (the root object or array is level 1);
 * objects deeper than `maxDepth` are not compared, and `tooDeep` says so.
 */
export function scanDuplicateKeys(text: string, maxDepth: number): DuplicateKeyScan {
  const n = text.length;
  // Without a backslash anywhere, every quote opens or closes a string and no key has escapes.
  const escapes = text.indexOf('\\') !== -1;
  let { isObject, keyBase, position, signature, start, end } = state;
  state.decoded.clear();
  state.big.length = 0;
  let duplicates: JsonPathStep[][] | undefined;
  let tooDeep = false;
  let depth = 0;
  let keys = 0;
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = escapes ? closingQuote(text, i + 1) : text.indexOf('"', i + 1);
      if (close === -1) break;
      if (expectKey && depth <= maxDepth) {
        expectKey = false;
        if (keys === signature.length) ({ signature, start, end } = growKeys());
        start[keys] = i + 1;
        end[keys] = close;
        const mark = escapes ? escapedSignature(text, keys) : signatureOf(text, i + 1, close);
        signature[keys] = mark;
        position[depth] = keys;
        const base = keyBase[depth] as number;
        let repeated = false;
        if (keys - base < LINEAR_KEYS) {
          for (let other = base; other < keys && !repeated; other++) {
            repeated = signature[other] === mark && sameKey(text, other, keys);
          }
        } else repeated = repeatsInBig(text, depth, keys);
        if (repeated) {
          duplicates ??= [];
          if (duplicates.length < MAX_REPORTED) duplicates.push(pathTo(text, depth));
        }
        // Kept even when repeated: a repeat found inside its value names it in the path.
        keys++;
      }
      i = close + 1;
      continue;
    }
    i++;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      expectKey = c === OPEN_BRACE;
      if (depth > maxDepth) tooDeep = true;
      else {
        if (depth === isObject.length) ({ isObject, keyBase, position } = growDepth());
        isObject[depth] = expectKey ? 1 : 0;
        keyBase[depth] = keys;
        position[depth] = 0;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth <= maxDepth && isObject[depth] === 1) {
        keys = keyBase[depth] as number;
        if (state.big.length > depth) state.big[depth] = undefined;
      }
      depth--;
      expectKey = false;
    } else if (c === COMMA && depth <= maxDepth) {
      if (isObject[depth] === 1) expectKey = true;
      else (position[depth] as number)++;
    }
  }
  // One hostile object of millions of keys must not keep its arrays alive after it.
  if (signature.length > RETAINED_KEYS || isObject.length > RETAINED_DEPTH) release();
  if (duplicates === undefined && !tooDeep) return CLEAN;
  return { duplicates: duplicates ?? [], tooDeep };
}

function release(): void {
  state.isObject = new Uint8Array(64);
  state.keyBase = new Int32Array(64);
  state.position = new Int32Array(64);
  state.signature = new Int32Array(256);
  state.start = new Int32Array(256);
  state.end = new Int32Array(256);
  state.decoded.clear();
  state.big.length = 0;
}

/** Whether the key at flat index `key` repeats an earlier key of its big object (at `depth`). */
function repeatsInBig(text: string, depth: number, key: number): boolean {
  const base = state.keyBase[depth] as number;
  let map = state.big[depth];
  if (map === undefined) {
    map = new Map();
    for (let other = base; other < key; other++) map.set(fullHash(text, other), other);
    state.big[depth] = map;
  }
  const hash = fullHash(text, key);
  const other = map.get(hash);
  if (other === undefined) {
    map.set(hash, key);
    return false;
  }
  if (sameKey(text, other, key)) return true;
  // Two different keys with one hash (rare): compare with every earlier key to be sure.
  for (let earlier = base; earlier < key; earlier++) {
    if (sameKey(text, earlier, key)) return true;
  }
  return false;
}

function sameKey(text: string, a: number, b: number): boolean {
  const { start, end, decoded } = state;
  if (decoded.size > 0 && (decoded.has(a) || decoded.has(b))) {
    return keyText(text, a) === keyText(text, b);
  }
  const from = start[a] as number;
  const other = start[b] as number;
  const length = (end[a] as number) - from;
  if ((end[b] as number) - other !== length) return false;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(from + i) !== text.charCodeAt(other + i)) return false;
  }
  return true;
}

/** Length and the first, middle and last characters: cheap, and enough to tell most keys apart. */
function signatureOf(text: string, from: number, to: number): number {
  const length = to - from;
  if (length === 0) return 0;
  return (
    (length << 20) ^
    (text.charCodeAt(from) << 10) ^
    (text.charCodeAt(from + (length >> 1)) << 5) ^
    text.charCodeAt(to - 1)
  );
}

/** The signature of the decoded key when its text has escapes (and remembers the decoded key). */
function escapedSignature(text: string, key: number): number {
  const from = state.start[key] as number;
  const to = state.end[key] as number;
  let i = from;
  while (i < to && text.charCodeAt(i) !== BACKSLASH) i++;
  if (i === to) {
    // The slot may have held an escaped key of an object already closed.
    if (state.decoded.size > 0) state.decoded.delete(key);
    return signatureOf(text, from, to);
  }
  let name: string;
  try {
    name = JSON.parse(text.slice(from - 1, to + 1)) as string;
  } catch {
    // Not reachable for text JSON.parse accepted: compare the spelling then.
    name = text.slice(from, to);
  }
  state.decoded.set(key, name);
  return signatureOf(name, 0, name.length);
}

function fullHash(text: string, key: number): number {
  const name = keyText(text, key);
  let h = SEED;
  for (let i = 0; i < name.length; i++) {
    h = Math.imul(h ^ name.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  // 30 bits: a small integer for V8, so the Map stores it without allocating.
  return h >>> 2;
}

function keyText(text: string, key: number): string {
  return state.decoded.get(key) ?? text.slice(state.start[key], state.end[key]);
}

/** The path from the root to the current key at `depth`. */
function pathTo(text: string, depth: number): JsonPathStep[] {
  const path: JsonPathStep[] = [];
  for (let d = 1; d <= depth; d++) {
    const at = state.position[d] as number;
    path.push(state.isObject[d] === 1 ? keyText(text, at) : at);
  }
  return path;
}

/** Index of the quote that closes the string whose content starts at `from`; -1 if none. */
function closingQuote(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote !== -1) {
    // Escaped when an odd run of backslashes precedes it; each backslash is looked at once.
    let k = quote - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    if (((quote - 1 - k) & 1) === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

function growDepth() {
  const size = state.isObject.length * 2;
  state.isObject = grown(state.isObject, new Uint8Array(size));
  state.keyBase = grown(state.keyBase, new Int32Array(size));
  state.position = grown(state.position, new Int32Array(size));
  return state;
}

function growKeys() {
  const size = state.signature.length * 2;
  state.signature = grown(state.signature, new Int32Array(size));
  state.start = grown(state.start, new Int32Array(size));
  state.end = grown(state.end, new Int32Array(size));
  return state;
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * A path as people read it: `userIdentity.arn`, `Records[3].eventName`,
 * `requestParameters["a.b"]`. Keys are attacker-chosen: long ones are cut, others than
 * plain names quoted, and anything but printable ASCII escaped, so the path is safe
 * to print anywhere.
 */
export function formatKeyPath(path: readonly JsonPathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]{0,63}$/.test(step)) out += `${out === '' ? '' : '.'}${step}`;
    else {
      const key = step.length > 64 ? `${step.slice(0, 64)}...` : step;
      out += `[${JSON.stringify(key).replace(/[^\x20-\x7e]/g, escapeChar)}]`;
    }
  }
  return out === '' ? '(root)' : out;
}

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Where the repeats found in one top-level value fall, by the records ingest reads
 * from it (see `shapeOf`): an array's elements, the elements of `Records`, or the
 * value itself as one record. `recordsKey` says the `Records` key itself repeats.
 * Repeats elsewhere in a `Records` envelope change no record and are not listed.
 */
export function repeatsByRecord(
  value: unknown,
  duplicates: readonly (readonly JsonPathStep[])[],
): { readonly recordsKey: boolean; readonly records: ReadonlyMap<number, string> } {
  const records = new Map<number, string>();
  let recordsKey = false;
  const envelope =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, 'Records');
  for (const path of duplicates) {
    let record: number | undefined;
    let inside: readonly JsonPathStep[] = path;
    if (Array.isArray(value)) {
      record = path[0] as number;
      inside = path.slice(1);
    } else if (!envelope) record = 0;
    else if (path[0] === 'Records' && path.length === 1) recordsKey = true;
    else if (path[0] === 'Records' && typeof path[1] === 'number') {
      record = path[1];
      inside = path.slice(2);
    }
    if (record !== undefined && !records.has(record)) records.set(record, formatKeyPath(inside));
  }
  return { recordsKey, records };
}

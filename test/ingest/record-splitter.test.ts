import { describe, expect, it } from 'vitest';
import { RecordSplitter, type SplitPiece } from '../../ingest/record-splitter.js';
import { jsonValue, realisticRecords, seeded, trickyString } from './helpers/records.js';

/** Feeds `bytes` in chunks of `size` (or of random sizes) and returns every piece. */
function split(bytes: Buffer, size: number | (() => number), maxBytes = 1 << 24): SplitPiece[] {
  const splitter = new RecordSplitter(maxBytes);
  const pieces: SplitPiece[] = [];
  for (let i = 0; i < bytes.length; ) {
    const step = typeof size === 'number' ? size : size();
    pieces.push(...splitter.push(bytes.subarray(i, i + step)));
    i += step;
  }
  pieces.push(...splitter.end());
  return pieces;
}

/** Parses element/value pieces; keeps other pieces as they are. */
function parsed(pieces: SplitPiece[]): unknown[] {
  return pieces.map((piece) =>
    piece.type === 'element' || piece.type === 'value'
      ? { [piece.type]: JSON.parse(piece.text) }
      : piece,
  );
}

const CHUNK_SIZES = [1, 2, 3, 5, 7, 64, 1000, 1 << 20];

describe('RecordSplitter', () => {
  it('splits generated records exactly as JSON.parse of the whole document, for any chunk size', () => {
    // Prepare: records full of quotes, backslashes, brackets, escapes and multi-byte characters.
    const rng = seeded(42);
    for (let round = 0; round < 25; round++) {
      const records = Array.from({ length: 1 + Math.floor(rng() * 12) }, () => jsonValue(rng, 4));
      const document: Record<string, unknown> = {};
      if (rng() < 0.5) document[trickyString(rng, 6)] = jsonValue(rng, 3);
      document.Records = records;
      if (rng() < 0.5) document.after = { Records: trickyString(rng), list: [']', '}'] };
      const text = JSON.stringify(document, null, rng() < 0.3 ? 2 : undefined);
      const bytes = Buffer.from(text);
      const expected = (JSON.parse(text) as { Records: unknown[] }).Records.map((r) => ({
        element: r,
      }));

      for (const size of CHUNK_SIZES) {
        // Act
        const got = parsed(split(bytes, size));

        // Assess
        expect(got, `round ${round}, chunk ${size}`).toEqual(expected);
      }
      expect(parsed(split(bytes, () => 1 + Math.floor(rng() * 9)))).toEqual(expected);
    }
  });

  it('splits realistic CloudTrail records with escaped policy documents', () => {
    const records = realisticRecords(40, 7);
    const bytes = Buffer.from(JSON.stringify({ Records: records }));
    for (const size of CHUNK_SIZES) {
      expect(parsed(split(bytes, size))).toEqual(records.map((r) => ({ element: r })));
    }
  });

  it('cuts chunks inside multi-byte characters and escape sequences without harm', () => {
    const record = { a: 'é€😀', b: 'quote \\" backslash \\\\', c: '\\u00e9\\"]}', d: '\\' };
    const bytes = Buffer.from(JSON.stringify({ Records: [record, record] }));
    for (let size = 1; size <= 12; size++) {
      expect(parsed(split(bytes, size))).toEqual([{ element: record }, { element: record }]);
    }
  });

  it('streams the elements of a top-level array', () => {
    const items = [{ a: 1 }, [2], 'three', 4, null, true];
    expect(parsed(split(Buffer.from(JSON.stringify(items, null, 1)), 3))).toEqual(
      items.map((element) => ({ element })),
    );
  });

  it('returns other top-level values whole, one after another', () => {
    // Prepare: a single event, then a number, a string and a second log file back to back.
    const bytes = Buffer.from(
      '{"detail-type":"x","detail":{"a":"}"}} 42 "s" {"Records":[{"b":1}]}',
    );

    // Act
    const got = parsed(split(bytes, 4));

    // Assess
    expect(got).toEqual([
      { value: { 'detail-type': 'x', detail: { a: '}' } } },
      { value: 42 },
      { value: 's' },
      { element: { b: 1 } },
    ]);
  });

  it('streams the array of a Records key spelled with escapes, as JSON.parse decodes it', () => {
    const bytes = Buffer.from('{"Rec\\u006frds":[{"a":1}]}');
    expect(parsed(split(bytes, 2))).toEqual([{ element: { a: 1 } }]);
  });

  it('does not take a nested or string "Records" for the record array', () => {
    const bytes = Buffer.from('{"x":{"Records":[1]},"y":"Records","Records":[{"r":1}]}');
    expect(parsed(split(bytes, 3))).toEqual([{ element: { r: 1 } }]);
  });

  it('reports elements it cannot parse separately from the structure', () => {
    // An element with a bad literal is still delimited: JSON.parse rejects it later.
    const pieces = split(Buffer.from('{"Records":[{"a":1},{"a":tru},{"a":2}]}'), 5);
    expect(pieces.map((p) => (p.type === 'element' ? p.text : p.type))).toEqual([
      '{"a":1}',
      '{"a":tru}',
      '{"a":2}',
    ]);
  });

  it.each([
    ['missing comma', '{"Records":[{"a":1} {"a":2}]}', 20, "missing ','"],
    ['trailing comma', '{"Records":[{"a":1},]}', 20, "trailing ','"],
    ['double comma', '{"Records":[{"a":1},,{"a":2}]}', 20, "unexpected ','"],
    ['brace closing the array', '{"Records":[{"a":1}}', 19, "unexpected '}'"],
    ['stray closer at top level', '{"Records":[]}]', 14, "unexpected ']'"],
  ])('reports broken structure (%s) at its byte offset', (_name, text, offset, message) => {
    const pieces = split(Buffer.from(text), 3);
    const broken = pieces.find((p) => p.type === 'broken');
    expect(broken).toMatchObject({ offset });
    expect(broken?.type === 'broken' && broken.message).toContain(message);
  });

  it.each([
    ['inside a record', '{"Records":[{"a":1},{"a":"unterminated'],
    ['between records', '{"Records":[{"a":1},'],
    ['inside the top-level object', '{"foo":[1,2'],
    ['inside a string value', '"abc'],
  ])('reports content that ends %s as truncated, after the complete records', (_name, text) => {
    const pieces = split(Buffer.from(text), 2);
    const last = pieces.at(-1);
    expect(last?.type).toBe('broken');
    expect(last?.type === 'broken' && last.message).toContain('truncated');
    expect(pieces.filter((p) => p.type === 'element').length).toBe(text.includes('"a":1}') ? 1 : 0);
  });

  it('drops an element longer than the cap, reports it, and keeps going', () => {
    const big = { pad: 'x'.repeat(500) };
    const bytes = Buffer.from(JSON.stringify({ Records: [{ a: 1 }, big, { a: 2 }] }));
    for (const size of [7, 100, 4096]) {
      const pieces = split(bytes, size, 200);
      expect(pieces.map((p) => p.type)).toEqual(['element', 'oversize', 'element']);
      expect(pieces[1]).toMatchObject({ type: 'oversize', offset: 20, element: true });
    }
  });

  it('flags elements whose bytes are not valid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"Records":[{"a":"ok \uFFFD"},{"a":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}]}'),
    ]);
    const pieces = split(bytes, 3);
    expect(pieces.map((p) => p.type === 'element' && p.badUtf8)).toEqual([false, true]);
  });

  it('reports absolute byte offsets from a given start offset', () => {
    const splitter = new RecordSplitter(1000, 3);
    const pieces = [...splitter.push(Buffer.from('{"Records":[{"a":1}, {"é":2}]}'))];
    expect(pieces.map((p) => p.offset)).toEqual([15, 24]);
  });
});

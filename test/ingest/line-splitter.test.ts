import { describe, expect, it } from 'vitest';
import { type LinePiece, LineSplitter } from '../../ingest/line-splitter.js';

function lines(text: Buffer | string, size: number, maxBytes = 1000): LinePiece[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const splitter = new LineSplitter(maxBytes);
  const out: LinePiece[] = [];
  for (let i = 0; i < bytes.length; i += size)
    out.push(...splitter.push(bytes.subarray(i, i + size)));
  out.push(...splitter.end());
  return out;
}

describe('LineSplitter', () => {
  it('returns each non-blank line with its 1-based number, for any chunk size', () => {
    const text = '{"a":1}\n\n  \r\n{"b":"é😀"}\r\n{"c":3}';
    for (const size of [1, 2, 3, 7, 64]) {
      expect(
        lines(text, size).map((p) => (p.type === 'line' ? [p.line, p.text.trim()] : p)),
      ).toEqual([
        [1, '{"a":1}'],
        [4, '{"b":"é😀"}'],
        [5, '{"c":3}'],
      ]);
    }
  });

  it('keeps a broken line to itself', () => {
    const got = lines('{"a":1}\n{"b": "unterminated\n{"c":3}\n', 4);
    expect(got.map((p) => p.type === 'line' && p.text)).toEqual([
      '{"a":1}',
      '{"b": "unterminated',
      '{"c":3}',
    ]);
  });

  it('reports a line longer than the cap and keeps the next ones', () => {
    const got = lines(`{"a":1}\n{"pad":"${'x'.repeat(100)}"}\n{"c":3}`, 9, 50);
    expect(got.map((p) => p.type)).toEqual(['line', 'oversize', 'line']);
    expect(got[1]).toMatchObject({ line: 2, offset: 8 });
  });

  it('flags a line that is not valid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xff]),
      Buffer.from('"}\n{"b":1}\n'),
    ]);
    expect(lines(bytes, 2).map((p) => p.type === 'line' && p.badUtf8)).toEqual([true, false]);
  });
});

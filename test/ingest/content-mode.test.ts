import { describe, expect, it } from 'vitest';
import { detectMode, PROBE_BYTES } from '../../ingest/content-mode.js';

const bytes = (text: string) => Buffer.from(text);

describe('detectMode', () => {
  it.each([
    ['a one-line CloudTrail file', '{"Records":[{"a":1}]}', 'document'],
    ['a one-line file with a trailing newline', '{"Records":[{"a":1}]}\n\n', 'document'],
    ['a pretty-printed document', '{\n  "Records": [\n    {"a": 1}\n  ]\n}\n', 'document'],
    ['a pretty-printed array', '[\n {"a": 1},\n {"a": 2}\n]', 'document'],
    ['records one per line', '{"a":1}\n{"a":2}\n', 'lines'],
    ['records after blank lines', '\n\n{"a":1}\r\n\r\n{"a":2}', 'lines'],
    ['a broken first line', '{"a":\n{"a":2}\n', 'document'],
    ['a first line that is not an object', '42\n43\n', 'document'],
    ['empty content', '', 'document'],
  ])('reads %s as a %s', (_name, text, mode) => {
    expect(detectMode('file.json', bytes(text), true)).toBe(mode);
  });

  it('trusts a JSON Lines name', () => {
    expect(detectMode('x/events.jsonl.gz', bytes('{"Records":[]}'), true)).toBe('lines');
    expect(detectMode('x/events.NDJSON', bytes(''), false)).toBe('lines');
  });

  it('waits for more bytes only while the answer can still change', () => {
    expect(detectMode('f', bytes('{"a":1'), false)).toBeUndefined();
    expect(detectMode('f', bytes('{"a":1}\n'), false)).toBeUndefined();
    expect(detectMode('f', bytes('{"a":1}\n{'), false)).toBe('lines');
    expect(detectMode('f', bytes('  '), false)).toBeUndefined();
  });

  it('decides at once for content that starts like a CloudTrail log file', () => {
    expect(detectMode('f', bytes(' {"Records":[{"a"'), false)).toBe('document');
    expect(detectMode('f', bytes('{"Records":[]}\n{"Records":[]}\n'), true)).toBe('document');
  });

  it('gives up on a first line longer than the probe: a big one-line log file', () => {
    const head = Buffer.alloc(PROBE_BYTES + 10, 0x20);
    head[0] = 0x7b;
    expect(detectMode('f', head, false)).toBe('document');
  });
});

import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../ingest/json-error.js';

function failure(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('expected JSON.parse to fail');
}

describe('describeJsonError', () => {
  it('does not echo the attacker-controlled text V8 quotes in its message', () => {
    const text = '{"userAgent": <script>alert(1)</script>}';
    const message = describeJsonError(failure(text), text, 100);
    expect(message).not.toContain('script');
    expect(message).toMatch(/^invalid JSON at byte 100: Unexpected token/);
  });

  it('turns V8 character positions into absolute byte offsets', () => {
    // "é" is 2 bytes in UTF-8, so position 9 in characters is byte 10.
    const text = '{"é":1,,}';
    expect(describeJsonError(failure(text), text, 1000)).toMatch(/^invalid JSON at byte 1008: /);
  });

  it('replaces control characters so messages stay one printable line', () => {
    const text = '{"a":\u0007}';
    expect(describeJsonError(failure(text), text, 0)).toMatch(/^[\x20-\x7e]+$/);
  });
});

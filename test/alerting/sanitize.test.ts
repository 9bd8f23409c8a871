import { describe, expect, it } from 'vitest';
import {
  displayLine,
  escapeInvisible,
  markdownText,
  SNS_SUBJECT_MAX_CHARS,
  snsSubject,
  spreadsheetCell,
  truncate,
} from '../../alerting/sanitize.js';

/** The hostile strings of research §3.E. */
const hostile = {
  fakeLogLine: 'aws-cli/2.0\n2026-11-20T10:00:00Z INFO all clear, alert closed\r\nok',
  ansi: '\u001b[31mRED\u001b[0m \u001b[2J',
  osc8: '\u001b]8;;https://evil.example\u0007Click me\u001b]8;;\u0007',
  slack: '<!channel> <!here> <@U123> <http://evil|Click>',
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  markdownLink: '[login](https://evil.example)',
  bidi: 'invoice\u202Egpj.exe',
  zeroWidth: 'ad\u200Bmin\u200D\uFEFF',
  separators: 'a\u2028b\u2029c',
  loneSurrogates: 'x\uD800y\uDC00z',
  c1: 'a\u0085b\u009bc',
  tags: 'ok\u{E0041}\u{E0042}',
  huge: 'Mozilla/5.0 '.repeat(5462),
};

/** Characters no sanitised output may contain raw. */
const DANGEROUS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]|[\ud800-\udfff]/u;

describe('escapeInvisible', () => {
  it('turns line breaks into visible escapes so no log line can be forged', () => {
    const out = escapeInvisible(hostile.fakeLogLine);

    expect(out).toBe('aws-cli/2.0\\n2026-11-20T10:00:00Z INFO all clear, alert closed\\r\\nok');
    expect(out.split('\n')).toHaveLength(1);
  });

  it('makes ANSI and OSC-8 escapes inert and visible', () => {
    expect(escapeInvisible(hostile.ansi)).toBe('\\u001B[31mRED\\u001B[0m \\u001B[2J');
    expect(escapeInvisible(hostile.osc8)).toBe(
      '\\u001B]8;;https://evil.example\\u0007Click me\\u001B]8;;\\u0007',
    );
  });

  it('marks bidi overrides, zero-width characters, separators, C1 and tag characters', () => {
    expect(escapeInvisible(hostile.bidi)).toBe('invoice\\u202Egpj.exe');
    expect(escapeInvisible(hostile.zeroWidth)).toBe('ad\\u200Bmin\\u200D\\uFEFF');
    expect(escapeInvisible(hostile.separators)).toBe('a\\u2028b\\u2029c');
    expect(escapeInvisible(hostile.c1)).toBe('a\\u0085b\\u009Bc');
    expect(escapeInvisible(hostile.tags)).toBe('ok\\u{E0041}\\u{E0042}');
  });

  it('escapes lone surrogates but keeps valid pairs and ordinary Unicode', () => {
    expect(escapeInvisible(hostile.loneSurrogates)).toBe('x\\uD800y\\uDC00z');
    expect(escapeInvisible('café 日本 🔥')).toBe('café 日本 🔥');
  });
});

describe('truncate', () => {
  it('leaves short values alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts long values to the limit, marker included, saying how much was cut', () => {
    const out = truncate(hostile.huge, 100);

    const kept = out.slice(0, out.indexOf('…'));
    expect(out).toHaveLength(100);
    expect(out).toBe(`${kept}…[+${hostile.huge.length - kept.length} chars]`);
    expect(hostile.huge.startsWith(kept)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate(`${'a'.repeat(4)}${'🔥'.repeat(20)}`, 20);

    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('still returns something within tiny limits', () => {
    expect(truncate('abcdef', 1)).toHaveLength(1);
    expect(truncate('abcdefghijklmnop', 5).length).toBeLessThanOrEqual(5);
  });
});

describe('displayLine', () => {
  it('yields one safe line for every hostile string', () => {
    for (const value of Object.values(hostile)) {
      const out = displayLine(value, 200);

      expect(out).not.toMatch(DANGEROUS);
      expect(out.length).toBeLessThanOrEqual(200);
    }
  });

  it('stringifies odd input instead of throwing', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;

    expect(displayLine(undefined)).toBe('');
    expect(displayLine(42)).toBe('42');
    expect(displayLine({ a: '\n' })).toBe('{"a":"\\n"}');
    expect(displayLine(circular)).toBe('[object Object]');
  });
});

describe('snsSubject', () => {
  it('keeps printable ASCII only, on one line, under 100 characters', () => {
    for (const value of [...Object.values(hostile), `[CRITICAL] ${'x'.repeat(300)}`]) {
      const out = snsSubject(value);

      expect(out).toMatch(/^[\x21-\x7e][\x20-\x7e]*$/);
      expect(out.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
    }
  });

  it('folds accents, replaces other non-ASCII and collapses whitespace', () => {
    expect(snsSubject('  Café\n\n  alert\t日本  ')).toBe('Cafe alert ??');
  });

  it('marks a cut subject with ASCII dots', () => {
    const out = snsSubject(`[HIGH] ${'word '.repeat(40)}`);

    expect(out.endsWith('...')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(99);
  });

  it('is never empty', () => {
    expect(snsSubject('')).toBe('trailwatch alert');
    expect(snsSubject('\u202E\u200B\n')).toBe('trailwatch alert');
    expect(snsSubject(null)).toBe('trailwatch alert');
  });
});

describe('markdownText', () => {
  it('defuses Slack mentions and links', () => {
    const out = markdownText(hostile.slack);

    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;http://evil\\|Click&gt;');
  });

  it('defuses HTML', () => {
    const out = markdownText(hostile.html);

    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;script&gt;');
  });

  it('escapes Markdown link and emphasis syntax', () => {
    expect(markdownText(hostile.markdownLink)).toBe('\\[login\\]\\(https://evil.example\\)');
    expect(markdownText('*bold* _it_ `code` ~s~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~');
  });

  it('escapes an ampersand once, so entities cannot be smuggled in', () => {
    expect(markdownText('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
  });

  it('stays one line without control characters', () => {
    const out = markdownText(`${hostile.fakeLogLine}${hostile.osc8}${hostile.bidi}`);

    expect(out).not.toMatch(DANGEROUS);
  });
});

describe('spreadsheetCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    [' =1+1', "' =1+1"],
    ['\u00a0\u200b+1', "'\u00a0\\u200B+1"],
    ['\uff1dSUM(A1)', "'\uff1dSUM(A1)"],
    ['\uff20x', "'\uff20x"],
    ['\n-1+1', "'\\n-1+1"],
    ['\tx', "'\\tx"],
  ])('defuses %j as %j', (value, expected) => {
    expect(spreadsheetCell(value)).toBe(expected);
  });

  it('leaves data alone: negative numbers, a lone dash, text with = inside', () => {
    expect(['-', '-1.5', 'a=b', 'user@example.com'].map(spreadsheetCell)).toEqual([
      '-',
      '-1.5',
      'a=b',
      'user@example.com',
    ]);
  });

  it('shows invisible characters as alert output does', () => {
    expect(spreadsheetCell(hostile.bidi)).toBe(escapeInvisible(hostile.bidi));
    expect(spreadsheetCell(hostile.zeroWidth)).not.toMatch(DANGEROUS);
  });
});

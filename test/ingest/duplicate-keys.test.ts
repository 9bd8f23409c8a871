import { describe, expect, it } from 'vitest';
import {
  formatKeyPath,
  type JsonPathStep,
  repeatsByRecord,
  scanDuplicateKeys,
} from '../../ingest/duplicate-keys.js';
import { seeded } from './helpers/records.js';

/** The repeats the scan finds in `text`, as readable paths. */
const repeats = (text: string, maxDepth = 100) =>
  scanDuplicateKeys(text, maxDepth).duplicates.map(formatKeyPath);

/**
 * A slow reference: a recursive-descent reader that keeps every key of every object
 * (as `JSON.parse` decodes it) and reports each one met a second time.
 */
function referenceRepeats(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: JsonPathStep[]): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const key = string();
        if (seen.has(key)) found.push(formatKeyPath([...path, key]));
        seen.add(key);
        space();
        i++; // ':'
        value([...path, key]);
        space();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value([...path, index]);
        space();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
  };
  value([]);
  return found;
}

describe('scanDuplicateKeys', () => {
  it('finds a key repeated at the top of a record, and names it', () => {
    const text =
      '{"eventName":"StopLogging","eventSource":"cloudtrail.amazonaws.com","eventName":"ListTrails"}';
    expect(repeats(text)).toEqual(['eventName']);
  });

  it('finds repeats at any depth, with the path to them', () => {
    expect(repeats('{"userIdentity":{"type":"IAMUser","arn":"a","arn":"b"}}')).toEqual([
      'userIdentity.arn',
    ]);
    expect(repeats('{"requestParameters":{"name":"trail","x":{},"name":"other"}}')).toEqual([
      'requestParameters.name',
    ]);
    expect(
      repeats('{"Records":[{"a":1},{"resources":[{"ARN":"x"},{"ARN":"y","ARN":"z"}]}]}'),
    ).toEqual(['Records[1].resources[1].ARN']);
  });

  it('allows the same key in sibling and nested objects', () => {
    const text =
      '{"arn":"a","userIdentity":{"arn":"b","sessionContext":{"sessionIssuer":{"arn":"c"}}},' +
      '"resources":[{"ARN":"x","type":"t"},{"ARN":"y","type":"t"}],"x":{"k":1},"y":{"k":1}}';
    expect(scanDuplicateKeys(text, 100)).toEqual({ duplicates: [], tooDeep: false });
  });

  it('never takes a ": or an escaped quote inside a string for a key', () => {
    // Each value spells a key and a colon; only escapes keep them strings.
    const text = JSON.stringify({
      eventName: 'ListTrails',
      userAgent: '","eventName":"StopLogging',
      errorMessage: 'eventName": \\"x\\": "eventName":',
      requestParameters: { policy: '{"eventName":"a","eventName":"b"}' },
      tail: 'ends in a backslash \\',
      after: 'eventName',
    });
    expect(scanDuplicateKeys(text, 100)).toEqual({ duplicates: [], tooDeep: false });
  });

  it('takes a key ending in an escaped backslash for that key, not the string it closes', () => {
    expect(repeats('{"a\\\\":1,"a":2}')).toEqual([]);
    expect(repeats('{"a\\\\":1,"a\\\\":2}')).toEqual(['["a\\\\"]']);
  });

  it('compares keys as JSON.parse decodes them', () => {
    expect(repeats('{"eventName":"GetObject","event\\u004eame":"StopLogging"}')).toEqual([
      'eventName',
    ]);
    expect(repeats('{"caf\\u00e9":1,"café":2}')).toEqual(['["caf\\u00e9"]']);
    expect(repeats('{"\\u0041":1,"\\u0042":2}')).toEqual([]);
  });

  it('reports each repeat, also a third occurrence and one inside a repeated key', () => {
    expect(repeats('{"a":1,"a":2,"a":3}')).toEqual(['a', 'a']);
    expect(repeats('{"a":1,"a":{"b":1,"b":2}}')).toEqual(['a', 'a.b']);
  });

  it('stays exact in an object of many keys (the hashed path)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`);
    expect(repeats(`{${keys.join(',')}}`)).toEqual([]);
    expect(repeats(`{${keys.join(',')},"k12345":0}`)).toEqual(['k12345']);
    // Keys alike in length, first, middle and last character: told apart by their text.
    const alike = Array.from({ length: 500 }, (_, i) => `"a${String(i).padStart(3, '0')}z":1`);
    expect(repeats(`{${alike.join(',')}}`)).toEqual([]);
  });

  it('compares keys no deeper than asked, and says so', () => {
    const deep = '{"a":{"b":{"c":1,"c":2}}}';
    expect(scanDuplicateKeys(deep, 3).duplicates.map(formatKeyPath)).toEqual(['a.b.c']);
    expect(scanDuplicateKeys(deep, 2)).toEqual({ duplicates: [], tooDeep: true });
  });

  it('agrees with a reference reader on generated records with repeats, escapes and nesting', () => {
    const random = seeded(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const keys = ['arn', 'eventName', 'a"b', 'x\\', 'é', 'k:', '{', 'name'];
    const scalar = () =>
      pick([
        () => JSON.stringify(pick(['plain', '":"', '\\"', 'a\\', '{[', 'é'])),
        () => String(Math.floor(random() * 100)),
        () => pick(['true', 'null', '-1.5e3']),
      ])();
    const value = (depth: number): string => {
      const roll = random();
      if (depth > 4 || roll < 0.4) return scalar();
      if (roll < 0.6) {
        return `[${Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1)).join(',')}]`;
      }
      const members = Array.from(
        { length: Math.floor(random() * 5) },
        () => `${JSON.stringify(pick(keys))} : ${value(depth + 1)}`,
      );
      return `{ ${members.join(' , ')} }`;
    };
    let withRepeats = 0;
    for (let n = 0; n < 2000; n++) {
      const text = value(0);
      expect(JSON.parse(text)).toBeDefined();
      const expected = referenceRepeats(text);
      expect(repeats(text)).toEqual(expected);
      if (expected.length > 0) withRepeats++;
    }
    // The generator must exercise both answers.
    expect(withRepeats).toBeGreaterThan(100);
    expect(withRepeats).toBeLessThan(1900);
  });
});

describe('repeatsByRecord', () => {
  const scan = (text: string) => scanDuplicateKeys(text, 102).duplicates;

  it('names the records of a Records envelope by index, and the Records key itself', () => {
    const text = '{"Records":[{"a":1},{"a":1,"a":2}],"Records":[]}';
    const got = repeatsByRecord({ Records: [] }, scan(text));
    expect(got.recordsKey).toBe(true);
    expect([...got.records]).toEqual([[1, 'a']]);
  });

  it('ignores repeats of an envelope outside its records', () => {
    const text = '{"Records":[{"a":1}],"x":1,"x":2}';
    expect(repeatsByRecord(JSON.parse(text), scan(text))).toEqual({
      recordsKey: false,
      records: new Map(),
    });
  });

  it('names an array element by index, and a single record as record 0', () => {
    const array = '[{"a":1},{"b":{"c":1,"c":1}}]';
    expect([...repeatsByRecord(JSON.parse(array), scan(array)).records]).toEqual([[1, 'b.c']]);
    const single = '{"detail-type":"x","detail":{"eventName":"a","eventName":"b"}}';
    expect([...repeatsByRecord(JSON.parse(single), scan(single)).records]).toEqual([
      [0, 'detail.eventName'],
    ]);
  });
});

describe('formatKeyPath', () => {
  it('quotes odd keys and escapes anything but printable ASCII', () => {
    expect(formatKeyPath(['userIdentity', 'arn'])).toBe('userIdentity.arn');
    expect(formatKeyPath(['Records', 3, 'a.b'])).toBe('Records[3]["a.b"]');
    expect(formatKeyPath(['\u202eevil\n'])).toBe('["\\u202eevil\\n"]');
    expect(formatKeyPath(['k'.repeat(100)])).toBe(`["${'k'.repeat(64)}..."]`);
  });
});

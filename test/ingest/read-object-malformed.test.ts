import { describe, expect, it } from 'vitest';
import { readObject } from '../../ingest/read-object.js';
import { chunked, collect, errorsOf, eventIds, summarize } from './helpers/collect.js';
import { gz, logFile, record, records } from './helpers/fixtures.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WHOLE = {};
const STREAMED = { wholeParseMaxBytes: 0 };

describe('readObject: malformed objects', () => {
  describe.each([
    ['whole', WHOLE],
    ['streamed', STREAMED],
  ])('via the %s route', (_route, options) => {
    it('yields the good records of a file with bad ones, with counts in object-end', async () => {
      // Prepare: null, a number, a string, a wrong type, a missing required field.
      const body = gz(
        logFile([
          record(0),
          null,
          42,
          'text',
          record(4, { eventName: 42 as unknown as string }),
          { ...record(5), eventTime: undefined },
          record(6),
        ]),
      );

      // Act
      const items = await collect(readObject('mixed.json.gz', body, options));

      // Assess
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'error invalid-record @1',
        'error invalid-record @2',
        'error invalid-record @3',
        'error invalid-record @4',
        'error invalid-record @5',
        'event 6 evt-6',
        'end 2/5',
      ]);
      const messages = errorsOf(items).map((error) => error.message);
      expect(messages[0]).toBe('mixed.json.gz record 1: record is null, expected a JSON object');
      expect(messages[1]).toContain('record is a number');
      expect(messages[3]).toContain('eventName: expected string, received number');
      expect(messages[4]).toContain('eventTime: missing (expected string)');
    });

    it('strips one leading UTF-8 byte order mark', async () => {
      const items = await collect(
        readObject('bom.json', Buffer.concat([BOM, logFile([record(1)])]), options),
      );
      expect(summarize(items)).toEqual(['event 0 evt-1', 'end 1/0']);
      const gzipped = await collect(
        readObject('bom.json.gz', gz(Buffer.concat([BOM, logFile([record(2)])])), options),
      );
      expect(eventIds(gzipped)).toEqual(['evt-2']);
    });

    it('does not strip a second byte order mark', async () => {
      const items = await collect(
        readObject('bom2.json', Buffer.concat([BOM, BOM, logFile([record(1)])]), options),
      );
      expect(summarize(items)).toEqual(['error invalid-json', 'end 0/1']);
    });

    it('rejects UTF-16 content (what Windows PowerShell writes) with a hint', async () => {
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(logFile([record(1)]).toString(), 'utf16le'),
      ]);
      const items = await collect(readObject('ps.json', utf16, options));
      expect(summarize(items)).toEqual(['error invalid-utf8', 'end 0/1']);
      expect(errorsOf(items)[0]?.message).toContain('save it as UTF-8');
    });

    it('reports a record that is not valid UTF-8 and keeps the others', async () => {
      // Prepare: an overlong encoding inside one record's string.
      const [before, after] = logFile([record(0), record(1, { userAgent: 'XX' }), record(2)])
        .toString()
        .split('XX') as [string, string];
      const body = Buffer.concat([
        Buffer.from(before),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from(after),
      ]);

      // Act
      const items = await collect(readObject('bad-utf8.json', body, options));

      // Assess
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'error invalid-utf8 @1',
        'event 2 evt-2',
        'end 2/1',
      ]);
    });

    it('reports invalid JSON with its byte offset, after the records before it', async () => {
      // Prepare: the separator after the second record is corrupted.
      const text = logFile(records(4)).toString();
      const cut = text.indexOf('},{', text.indexOf('evt-1')) + 1;
      const body = Buffer.from(`${text.slice(0, cut)}x${text.slice(cut + 1)}`);

      // Act
      const items = await collect(readObject('corrupt.json', body, options));

      // Assess
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'event 1 evt-1',
        'error invalid-json',
        'end 2/1',
      ]);
      expect(errorsOf(items)[0]?.message).toContain(`invalid JSON at byte ${cut}`);
    });

    it('reports a record with a bad literal as that record only', async () => {
      const text = logFile(records(3)).toString().replace('"readOnly":false', '"readOnly":fals');
      const items = await collect(readObject('literal.json', Buffer.from(text), options));
      expect(summarize(items)).toEqual([
        'error invalid-json @0',
        'event 1 evt-1',
        'event 2 evt-2',
        'end 2/1',
      ]);
    });

    it('reports a truncated plain file after the records that were complete', async () => {
      const text = logFile(records(3)).toString();
      const body = Buffer.from(text.slice(0, text.indexOf('evt-2')));
      const items = await collect(readObject('cut.json', body, options));
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'event 1 evt-1',
        'error invalid-json',
        'end 2/1',
      ]);
      expect(errorsOf(items)[0]?.message).toContain('truncated');
    });

    it.each([
      ['a JSON object without Records', '{"foo":1}', 'no-records'],
      ['a JSON number', '42', 'no-records'],
      ['Records as an object', '{"Records":{"a":1}}', 'records-not-array'],
      ['Records as null', '{"Records":null}', 'records-not-array'],
      ['Records as a string', '{"Records":"[]"}', 'records-not-array'],
      ['random text', 'hello world', 'invalid-json'],
    ])('reports %s as %s', async (_name, text, code) => {
      const items = await collect(readObject('odd.json', Buffer.from(text), options));
      expect(summarize(items)).toEqual([`error ${code}`, 'end 0/1']);
    });

    it('rejects records nested deeper than maxDepth and keeps the others', async () => {
      // Prepare: 150 levels inside requestParameters, and 100 000 (JSON.stringify overflows near 5 000).
      const nest = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
      const deep = record(1, { requestParameters: nest(150) });
      const text = logFile([record(0), deep, record(2)])
        .toString()
        .replace(
          '"requestParameters":null',
          `"requestParameters":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        );

      // Act
      const items = await collect(readObject('deep.json', Buffer.from(text), options));

      // Assess
      expect(summarize(items)).toEqual([
        'error too-deep @0',
        'error too-deep @1',
        'event 2 evt-2',
        'end 1/2',
      ]);
    });

    it('accepts a record exactly at maxDepth and rejects one level more', async () => {
      // The record is level 1, requestParameters level 2, each nested object one more.
      const at = (levels: number) =>
        record(levels, {
          requestParameters: JSON.parse(`${'{"a":'.repeat(levels - 2)}{}${'}'.repeat(levels - 2)}`),
        });
      const items = await collect(
        readObject('edge.json', logFile([at(10), at(11)]), { ...options, maxDepth: 10 }),
      );
      expect(summarize(items)).toEqual(['event 0 evt-10', 'error too-deep @1', 'end 1/1']);
    });

    it('keeps __proto__ keys as inert data: no pollution, no prototype change', async () => {
      // Prepare
      const text = logFile([record(1)])
        .toString()
        .replace(
          '"requestParameters":null',
          '"requestParameters":{"__proto__":{"polluted":true},"userName":"bob"}',
        )
        .replace('"eventVersion"', '"__proto__":{"isAdmin":true},"eventVersion"');

      // Act
      const items = await collect(readObject('proto.json', Buffer.from(text), options));

      // Assess
      const event = items[0]?.kind === 'event' ? items[0].event : undefined;
      expect(event).toBeDefined();
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(event?.requestParameters)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect((event as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(event?.requestParameters?.polluted).toBeUndefined();
      // The data itself is kept, as an own property.
      expect(Object.getOwnPropertyDescriptor(event?.requestParameters, '__proto__')?.value).toEqual(
        { polluted: true },
      );
      expect(event?.requestParameters?.userName).toBe('bob');
    });

    it('reports a record larger than maxRecordBytes and keeps the others', async () => {
      const big = record(1, { userAgent: 'x'.repeat(5000) });
      const items = await collect(
        readObject('big.json', logFile([record(0), big, record(2)]), {
          ...options,
          maxRecordBytes: 4000,
        }),
      );
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'error oversize @1',
        'event 2 evt-2',
        'end 2/1',
      ]);
    });
  });

  describe('gzip problems', () => {
    const body = gz(logFile(records(3000)));

    it('reports a truncated gzip after the records that inflated whole', async () => {
      for (const options of [WHOLE, STREAMED]) {
        // Act
        const items = await collect(
          readObject('cut.json.gz', body.subarray(0, body.length - 100), options),
        );

        // Assess: a prefix of the records, then the error, then the end.
        const ids = eventIds(items);
        expect(ids).toEqual(records(ids.length).map((r) => r.eventID));
        expect(ids.length).toBeGreaterThan(2500);
        expect(summarize(items).slice(-2)).toEqual(['error truncated-gzip', `end ${ids.length}/1`]);
      }
    });

    it('reports corrupt gzip data', async () => {
      // Prepare: flip a byte of the CRC32 trailer.
      const corrupt = Buffer.from(gz(logFile(records(5))));
      corrupt[corrupt.length - 6] = (corrupt[corrupt.length - 6] as number) ^ 0xff;

      // Act
      const items = await collect(readObject('crc.json.gz', corrupt));

      // Assess: whatever inflated before the check failed may come first.
      const ids = eventIds(items);
      expect(ids).toEqual(records(ids.length).map((r) => r.eventID));
      expect(summarize(items).slice(-2)).toEqual(['error corrupt-gzip', `end ${ids.length}/1`]);
    });

    it('reports trailing bytes that are not gzip', async () => {
      const items = await collect(
        readObject('tail.json.gz', Buffer.concat([gz(logFile([record(1)])), Buffer.from('junk')])),
      );
      expect(summarize(items).slice(-2)).toEqual([
        'error corrupt-gzip',
        expect.stringMatching(/^end \d\/1$/),
      ]);
    });

    it('stops a gzip bomb at maxDecompressedBytes', async () => {
      // Prepare: 50 MB of spaces inflate from about 50 KB.
      const bomb = gz(Buffer.alloc(50_000_000, 0x20));

      // Act
      const items = await collect(
        readObject('bomb.json.gz', bomb, { maxDecompressedBytes: 1_000_000 }),
      );

      // Assess
      expect(summarize(items)).toEqual(['error oversize', 'end 0/1']);
      expect(errorsOf(items)[0]?.message).toContain('maxDecompressedBytes (1000000 bytes)');
    });

    it('applies maxDecompressedBytes to plain content too', async () => {
      const items = await collect(
        readObject('big.json', logFile(records(50)), { maxDecompressedBytes: 1000 }),
      );
      expect(summarize(items).slice(-2)).toEqual([
        'error oversize',
        expect.stringMatching(/^end \d+\/1$/),
      ]);
    });

    it('reports plain bytes under a .gz key in S3 as not-gzip (CloudTrail always gzips)', async () => {
      const items = await collect(
        readObject('s3://trail/AWSLogs/1/CloudTrail/f.json.gz', logFile([record(1)])),
      );
      expect(summarize(items)).toEqual(['error not-gzip', 'end 0/1']);
    });

    it('reads plain bytes under a local .gz name as plain JSON (a tool decompressed it)', async () => {
      const items = await collect(readObject('downloads/f.json.gz', logFile([record(1)])));
      expect(summarize(items)).toEqual(['event 0 evt-1', 'end 1/0']);
    });

    it('follows the requireGzipForGzName option over the default', async () => {
      const strict = await collect(
        readObject('f.json.gz', logFile([record(1)]), { requireGzipForGzName: true }),
      );
      expect(summarize(strict)).toEqual(['error not-gzip', 'end 0/1']);
      const lenient = await collect(
        readObject('s3://b/f.json.gz', logFile([record(1)]), { requireGzipForGzName: false }),
      );
      expect(summarize(lenient)).toEqual(['event 0 evt-1', 'end 1/0']);
    });

    it('sniffs gzip by magic bytes whatever the name', async () => {
      const items = await collect(readObject('s3://b/no-extension', gz(logFile([record(1)]))));
      expect(eventIds(items)).toEqual(['evt-1']);
    });

    it('reports a zero-byte .gz object in S3, and skips zero-byte objects otherwise', async () => {
      const empty = Buffer.alloc(0);
      expect(
        summarize(await collect(readObject('s3://b/AWSLogs/1/CloudTrail/f.json.gz', empty))),
      ).toEqual(['error truncated-gzip', 'end 0/1']);
      expect(summarize(await collect(readObject('local/f.json.gz', empty)))).toEqual([
        'skipped empty-object',
      ]);
      expect(summarize(await collect(readObject('s3://b/notes.json', empty)))).toEqual([
        'skipped empty-object',
      ]);
    });
  });

  describe('source failures', () => {
    it('reports a stream that fails mid-way as unreadable after the records already read', async () => {
      // Prepare: a body that breaks after 64 KiB, like a reset S3 connection.
      const bytes = Buffer.from(JSON.stringify({ Records: records(200) }, null, 1));
      const body = (async function* () {
        yield bytes.subarray(0, 65_536);
        throw new Error('socket hang up');
      })();

      // Act
      const items = await collect(readObject('s3://b/f.json', body, STREAMED));

      // Assess
      expect(eventIds(items).length).toBeGreaterThan(10);
      expect(summarize(items).slice(-2)).toEqual([
        'error unreadable',
        expect.stringMatching(/^end \d+\/1$/),
      ]);
      expect(errorsOf(items)[0]?.message).toContain('socket hang up');
    });

    it('releases the source stream when the consumer stops early', async () => {
      const stream = chunked(gz(logFile(records(500))), 1024);
      for await (const item of readObject('f.json.gz', stream, STREAMED)) {
        if (item.kind === 'event') break;
      }
      expect(stream.destroyed).toBe(true);
    });
  });
});

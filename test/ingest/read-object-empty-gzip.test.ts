import { describe, expect, it } from 'vitest';
import { readObject } from '../../ingest/read-object.js';
import { collect, errorsOf, summarize } from './helpers/collect.js';
import { gz } from './helpers/fixtures.js';

const S3_NAME = 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/f.json.gz';

describe('readObject: gzip holding no JSON', () => {
  it.each([
    ['nothing', ''],
    ['only whitespace', ' \n\t\r\n  '],
  ])('reports a .gz object in S3 whose gzip holds %s as no-records', async (_what, content) => {
    // Act
    const items = await collect(readObject(S3_NAME, gz(content)));

    // Assess: like a zero-byte .gz object, CloudTrail never writes one.
    expect(summarize(items)).toEqual(['error no-records', 'end 0/1']);
    expect(errorsOf(items)[0]?.message).toBe(
      `${S3_NAME}: gzip content holds no JSON value (empty or only whitespace): not a CloudTrail log file`,
    );
  });

  it('reports a large whitespace-only gzip that streams the same way', async () => {
    const items = await collect(
      readObject(S3_NAME, gz(Buffer.alloc(3 * 1024 * 1024, 0x20)), { wholeParseMaxBytes: 0 }),
    );
    expect(summarize(items)).toEqual(['error no-records', 'end 0/1']);
  });

  it('still skips such a file locally, where tools decompress in place and names lie', async () => {
    const items = await collect(readObject('logs/f.json.gz', gz('  ')));
    expect(summarize(items)).toEqual(['skipped empty-object']);
  });

  it('keeps an empty but well-formed log file ({"Records":[]}) as an object without events', async () => {
    const items = await collect(readObject(S3_NAME, gz('{"Records":[]}')));
    expect(summarize(items)).toEqual(['end 0/0']);
  });
});

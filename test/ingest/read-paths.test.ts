import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputPathError } from '../../ingest/errors.js';
import { listInputFiles } from '../../ingest/input-files.js';
import { readPaths } from '../../ingest/read-paths.js';
import type { IngestItem } from '../../ingest/types.js';
import { collect, summarize } from './helpers/collect.js';
import { digestFile, gz, jsonLines, logFile, record } from './helpers/fixtures.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-ingest-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes files under the temp root, creating folders. */
async function layout(files: Record<string, Buffer | string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const day = (prefix: string, region: string, date: string) =>
  `${prefix}/CloudTrail/${region}/${date}`;
const log = (n: number) => gz(logFile([record(n)]));

/** Each object's source (relative to the root) and how it ended. */
function perObject(items: IngestItem[]): string[] {
  return items.flatMap((item) =>
    item.kind === 'object-end' || item.kind === 'skipped'
      ? [
          `${relative(root, item.source.object)} ${item.kind === 'skipped' ? item.reason : `${item.events}/${item.errors}`}`,
        ]
      : [],
  );
}

describe('listInputFiles and readPaths', () => {
  it('walks account and organization trail layouts in sorted order', async () => {
    // Prepare: written out of order; digest and Insights folders beside the logs.
    const account = 'AWSLogs/111122223333';
    const org = 'AWSLogs/o-abc123defg/444455556666';
    await layout({
      [`${day(account, 'us-east-1', '2026/11/21')}/b.json.gz`]: log(3),
      [`${day(account, 'us-east-1', '2026/11/20')}/b.json.gz`]: log(2),
      [`${day(account, 'us-east-1', '2026/11/20')}/a.json.gz`]: log(1),
      [`${day(account, 'eu-west-1', '2026/11/20')}/a.json.gz`]: log(0),
      [`${account}/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz`]: gz(digestFile()),
      [`${account}/CloudTrail-Insight/us-east-1/2026/11/20/i.json.gz`]: log(9),
      [`${day(org, 'us-east-1', '2026/11/20')}/o.json.gz`]: log(4),
      'exports/events.jsonl': jsonLines([record(5)]),
      'exports/plain.json': logFile([record(6)]),
      'exports/events.ndjson': jsonLines([record(7)]),
      'exports/README.md': '# not a log',
      'exports/.hidden.json': logFile([record(8)]),
      '.git/x.json': logFile([record(8)]),
    });

    // Act
    const files = await listInputFiles([root]);
    const items = await collect(readPaths([root]));

    // Assess
    const expected = [
      `${day(account, 'eu-west-1', '2026/11/20')}/a.json.gz 1/0`,
      `${day(account, 'us-east-1', '2026/11/20')}/a.json.gz 1/0`,
      `${day(account, 'us-east-1', '2026/11/20')}/b.json.gz 1/0`,
      `${day(account, 'us-east-1', '2026/11/21')}/b.json.gz 1/0`,
      `${account}/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz cloudtrail-digest`,
      `${account}/CloudTrail-Insight/us-east-1/2026/11/20/i.json.gz cloudtrail-insight`,
      `${day(org, 'us-east-1', '2026/11/20')}/o.json.gz 1/0`,
      'exports/events.jsonl 1/0',
      'exports/events.ndjson 1/0',
      'exports/plain.json 1/0',
    ];
    expect(perObject(items)).toEqual(expected);
    expect(files.map((file) => relative(root, file))).toEqual(
      expected.map((line) => line.split(' ')[0]),
    );
  });

  it('reads a file given directly whatever its name, and lists it once', async () => {
    await layout({ 'notes.txt': logFile([record(1)]) });
    const file = join(root, 'notes.txt');
    expect(await listInputFiles([file, root, file])).toEqual([file]);
    expect(summarize(await collect(readPaths([file])))).toEqual(['event 0 evt-1', 'end 1/0']);
  });

  it('throws InputPathError naming a path that does not exist, before reading anything', async () => {
    const missing = join(root, 'nope');
    await expect(listInputFiles([root, missing])).rejects.toThrow(InputPathError);
    const error = await collect(readPaths([missing])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputPathError);
    expect(error).toMatchObject({
      path: missing,
      code: 'ENOENT',
      message: `${missing}: no such file or directory`,
    });
  });

  it('reports a file that cannot be read as unreadable and goes on to the next', async () => {
    // Prepare: the second file disappears between listing and reading.
    await layout({
      'a.json': logFile([record(1)]),
      'b.json': logFile([record(2)]),
      'c.json': logFile([record(3)]),
    });
    const items: IngestItem[] = [];

    // Act
    for await (const item of readPaths([root])) {
      items.push(item);
      if (item.kind === 'object-end' && item.source.object.endsWith('a.json'))
        await rm(join(root, 'b.json'));
    }

    // Assess
    expect(summarize(items)).toEqual([
      'event 0 evt-1',
      'end 1/0',
      'error unreadable',
      'end 0/1',
      'event 0 evt-3',
      'end 1/0',
    ]);
  });

  it('streams a large file instead of reading it whole', async () => {
    await layout({ 'big.json': logFile(Array.from({ length: 50 }, (_, i) => record(i))) });
    const items = await collect(readPaths([root], { wholeParseMaxBytes: 100 }));
    expect(summarize(items).at(-1)).toBe('end 50/0');
  });

  it('follows a symlinked folder once, even when it loops', async () => {
    await layout({ 'real/a.json': logFile([record(1)]) });
    await symlink(join(root, 'real'), join(root, 'link'));
    await symlink(root, join(root, 'real', 'loop'));
    expect((await listInputFiles([root])).map((file) => relative(root, file))).toEqual([
      'link/a.json',
    ]);
  });
});

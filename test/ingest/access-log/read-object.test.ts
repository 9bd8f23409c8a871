import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMode } from '../../../ingest/content-mode.js';
import { listInputFiles } from '../../../ingest/input-files.js';
import { readObject } from '../../../ingest/read-object.js';
import { readPaths } from '../../../ingest/read-paths.js';
import type { IngestItem } from '../../../ingest/types.js';
import {
  AWS_DOC_LINES_2019,
  AWS_DOC_LINES_CURRENT,
  accessLogLine,
} from '../../fixtures/access-logs/lines.js';
import { chunked, collect, summarize } from '../helpers/collect.js';
import { gz, logFile, record } from '../helpers/fixtures.js';

const LOG_KEY =
  's3://central-logs/s3/111122223333/eu-west-1/amzn-s3-demo-bucket1/2024/05/14/2024-05-14-09-05-12-0A1B2C3D4E5F6789';

function logObject(lines: readonly string[]): Buffer {
  return Buffer.from(`${lines.join('\n')}\n`);
}

function accessLogRecords(items: readonly IngestItem[]) {
  return items.flatMap((item) => (item.kind === 'access-log' ? [item.record] : []));
}

describe('readObject on S3 server access-log objects', () => {
  it('reads every documented example line as an access-log record', async () => {
    // Act
    const items = await collect(
      readObject(LOG_KEY, logObject([...AWS_DOC_LINES_2019, ...AWS_DOC_LINES_CURRENT])),
    );

    // Assess
    expect(summarize(items)).toEqual([
      'access-log 0 3E57427F3EXAMPLE',
      'access-log 1 891CE47D2EXAMPLE',
      'access-log 2 A1206F460EXAMPLE',
      'access-log 3 7B4A0FABBEXAMPLE',
      'access-log 4 DD6CC733AEXAMPLE',
      'access-log 5 3E57427F3EXAMPLE',
      'access-log 6 891CE47D2EXAMPLE',
      'end 0/0',
    ]);
    const end = items.at(-1);
    expect(end?.kind === 'object-end' && end.accessLogRecords).toBe(7);
    const first = items[0];
    expect(first?.kind === 'access-log' && first.source).toEqual({ object: LOG_KEY, record: 0 });
  });

  it('reports bad lines with their line number and keeps reading', async () => {
    const lines = [
      accessLogLine({ requestId: 'GOOD1' }),
      'this is not an access log line',
      accessLogLine({ time: '31/Feb/2024:00:00:00' }),
      '',
      accessLogLine({ requestId: 'GOOD2' }),
    ];

    const items = await collect(readObject(LOG_KEY, logObject(lines)));

    expect(summarize(items)).toEqual([
      'access-log 0 GOOD1',
      'error invalid-record @1',
      'error invalid-record @2',
      'access-log 3 GOOD2',
      'end 0/2',
    ]);
    const errors = items.flatMap((i) => (i.kind === 'error' ? [i.error.message] : []));
    expect(errors[0]).toMatch(/line 2: not an S3 server access-log record/);
    expect(errors[1]).toMatch(/line 3: .*time/);
  });

  it('reads gzip, streamed and chunked content the same way', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => accessLogLine({ requestId: `R${i}` }));
    const content = logObject(lines);

    const routes = [
      readObject(LOG_KEY, content),
      readObject(`${LOG_KEY}.gz`, gz(content)),
      readObject(LOG_KEY, chunked(content, 7), { wholeParseMaxBytes: 0 }),
    ];

    for (const route of routes) {
      const records = accessLogRecords(await collect(route));
      expect(records.map((r) => r.requestId)).toEqual(lines.map((_, i) => `R${i}`));
    }
  });

  it('detects access logs by content whatever the name says', async () => {
    const items = await collect(
      readObject('downloads/logs.json', logObject([accessLogLine({ requestId: 'X1' })])),
    );

    expect(summarize(items)).toEqual(['access-log 0 X1', 'end 0/0']);
  });

  it('still reads CloudTrail files and JSON Lines as before', async () => {
    const cloudTrail = await collect(readObject(LOG_KEY, logFile([record(1)])));

    expect(summarize(cloudTrail)).toEqual(['event 0 evt-1', 'end 1/0']);
  });

  it('still reports text that is neither JSON nor an access log as invalid JSON', async () => {
    const items = await collect(readObject('notes.txt', Buffer.from('hello [world]\nbye\n')));

    expect(summarize(items)).toEqual(['error invalid-json', 'end 0/1']);
  });

  it('keeps a line longer than maxRecordBytes out without stopping the object', async () => {
    const long = accessLogLine({ userAgent: 'A'.repeat(5000) });
    const lines = [accessLogLine({ requestId: 'A' }), long, accessLogLine({ requestId: 'B' })];

    const items = await collect(readObject(LOG_KEY, logObject(lines), { maxRecordBytes: 4096 }));

    expect(summarize(items)).toEqual([
      'access-log 0 A',
      'error oversize @1',
      'access-log 2 B',
      'end 0/1',
    ]);
  });
});

describe('detectMode for access logs', () => {
  const first = Buffer.from(`${accessLogLine()}\n${accessLogLine()}\n`);

  it('picks access-log mode when the first line is an access-log record', () => {
    expect(detectMode('2024-05-14-09-05-12-0A1B2C3D4E5F6789', first, false)).toBe('access-log');
  });

  it('waits for the end of the first line before deciding', () => {
    expect(detectMode('f', first.subarray(0, 40), false)).toBeUndefined();
    expect(detectMode('f', first.subarray(0, 40), true)).toBe('document');
  });

  it('needs a bucket owner canonical id, not just a bracketed time', () => {
    const line = accessLogLine().replace(/^[0-9a-f]{64}/, 'owner');

    expect(detectMode('f', Buffer.from(`${line}\n`), true)).toBe('document');
  });
});

describe('readPaths walks S3 access-log objects', () => {
  it('takes files named like access-log objects in a folder walk', async () => {
    // Prepare
    const root = await mkdtemp(join(tmpdir(), 'trailwatch-access-logs-'));
    try {
      const dir = join(
        root,
        '111122223333',
        'eu-west-1',
        'amzn-s3-demo-bucket1',
        '2024',
        '05',
        '14',
      );
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, '2024-05-14-09-05-12-0A1B2C3D4E5F6789'),
        logObject([accessLogLine()]),
      );
      await writeFile(join(dir, 'README'), 'not a log');

      // Act
      const files = await listInputFiles([root]);
      const items = await collect(readPaths([root]));

      // Assess
      expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
        '2024-05-14-09-05-12-0A1B2C3D4E5F6789',
      ]);
      expect(accessLogRecords(items)).toHaveLength(1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('readObject on damaged access-log objects', () => {
  it('never throws and always ends with counts that match its items', async () => {
    // Prepare: truncations and byte flips of a valid object, plain and gzip.
    const content = logObject([...AWS_DOC_LINES_2019, ...AWS_DOC_LINES_CURRENT]);
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const inputs: Buffer[] = [];
    for (const bytes of [content, gz(content)]) {
      for (let k = 0; k < 20; k++)
        inputs.push(bytes.subarray(0, Math.floor(next() * bytes.length)));
      for (let k = 0; k < 20; k++) {
        const flipped = Buffer.from(bytes);
        flipped[Math.floor(next() * flipped.length)] = Math.floor(next() * 256);
        inputs.push(flipped);
      }
    }

    for (const [index, bytes] of inputs.entries()) {
      // Act
      const items = await collect(readObject(`s3://b/log-${index}`, bytes));

      // Assess
      const last = items.at(-1);
      const body = items.slice(0, -1);
      if (last?.kind === 'skipped') {
        expect(body, `input ${index}`).toEqual([]);
        continue;
      }
      expect(last?.kind, `input ${index}`).toBe('object-end');
      if (last?.kind !== 'object-end') continue;
      expect(last.accessLogRecords ?? 0).toBe(body.filter((i) => i.kind === 'access-log').length);
      expect(last.errors).toBe(body.filter((i) => i.kind === 'error').length);
    }
  });
});

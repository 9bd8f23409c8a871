import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readObject } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { chunked, collect, summarize } from './helpers/collect.js';
import { gz, logFile } from './helpers/fixtures.js';
import { realisticRecords } from './helpers/records.js';

const run = promisify(execFile);

/** Items with errors reduced to code, place and message, so runs can be compared. */
function comparable(items: IngestItem[]): unknown[] {
  return items.map((item) =>
    item.kind === 'error'
      ? { code: item.error.code, source: item.error.source, message: item.error.message }
      : item,
  );
}

describe('readObject: streaming path', () => {
  it('reads a multi-MB file exactly as the whole-parse path does', async () => {
    // Prepare: ~5 MB of realistic records, some broken, gzip.
    const records: unknown[] = realisticRecords(2500, 3);
    records[100] = null;
    records[2000] = { eventName: 1 };
    const content = logFile(records);
    const body = gz(content);
    expect(content.length).toBeGreaterThan(4_000_000);

    // Act
    const whole = await collect(readObject('big.json.gz', body));
    const streamed = await collect(readObject('big.json.gz', body, { wholeParseMaxBytes: 0 }));
    const smallChunks = await collect(readObject('big.json.gz', chunked(body, 1000)));

    // Assess
    expect(summarize(whole).slice(-1)).toEqual(['end 2498/2']);
    expect(comparable(streamed)).toEqual(comparable(whole));
    expect(comparable(smallChunks)).toEqual(comparable(whole));
    expect(whole.filter((item) => item.kind === 'event').map((item) => item.event)).toEqual(
      records.filter((_, i) => i !== 100 && i !== 2000),
    );
  });

  it('reads a large plain file from a stream in small chunks', async () => {
    const records = realisticRecords(800, 4);
    const items = await collect(readObject('plain.json', chunked(logFile(records), 333)));
    expect(items.filter((item) => item.kind === 'event').map((item) => item.event)).toEqual(
      records,
    );
  });

  it('streams big JSON Lines without mixing up lines across chunks', async () => {
    const records = realisticRecords(500, 5);
    const lines = Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\r\n')}\r\n`);
    for (const size of [7, 4096]) {
      const items = await collect(readObject('lines.jsonl', chunked(lines, size)));
      expect(items.filter((item) => item.kind === 'event').map((item) => item.event)).toEqual(
        records,
      );
    }
  });

  it('reads a 16 MB file in a process whose heap could not hold it whole', async () => {
    // Prepare: a whole-file parse of 16 MB needs ~115 MB of heap (research/performance.md).
    const script = fileURLToPath(new URL('./helpers/stream-big-file.ts', import.meta.url));

    // Act
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      '--max-old-space-size=32',
      script,
      '16',
    ]);

    // Assess
    const result = JSON.parse(stdout) as { events: number; errors: number; heapPeakMiB: number };
    expect(result.errors).toBe(0);
    expect(result.events).toBeGreaterThan(8_000);
    expect(result.heapPeakMiB).toBeLessThan(32);
  }, 60_000);
});

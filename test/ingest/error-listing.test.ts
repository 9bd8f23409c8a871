import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { runPipeline } from '../../alerting/pipeline.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS } from '../../detectors/types.js';
import { CloudTrailEventSchema } from '../../ingest/cloudtrail-event.js';
import { DEFAULT_MAX_LISTED_ERRORS } from '../../ingest/options.js';
import { readObject, readObjectBatches } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { collect } from './helpers/collect.js';
import { gz, jsonLines, logFile, record } from './helpers/fixtures.js';

const BAD = 250;

/** `{"Records":[{},{},…,<good record>]}`: the shape of a cheap flood of bad records. */
const flood = () => gz(logFile([...Array.from({ length: BAD }, () => ({})), record(1)]));

const errors = (items: IngestItem[]) => items.filter((item) => item.kind === 'error');
const end = (items: IngestItem[]) => items.find((item) => item.kind === 'object-end');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('listing bad records', () => {
  it.each([
    ['whole-parse', {}],
    ['streaming', { wholeParseMaxBytes: 0 }],
    ['exhaustive', { exhaustive: true }],
  ])(
    'lists the first 100 bad records of an object and counts the rest (%s)',
    async (_path, options) => {
      // Act
      const items = await collect(readObject('flood.json.gz', flood(), options));

      // Assess: 100 listed with their index and reason, every one counted, the good record read.
      const listed = errors(items);
      expect(DEFAULT_MAX_LISTED_ERRORS).toBe(100);
      expect(listed).toHaveLength(100);
      expect(listed.map((item) => item.kind === 'error' && item.error.source.record)).toEqual(
        Array.from({ length: 100 }, (_, i) => i),
      );
      expect(end(items)).toMatchObject({ events: 1, errors: BAD, unlistedErrors: BAD - 100 });
      expect(items.filter((item) => item.kind === 'event')).toHaveLength(1);
    },
  );

  it('spares the costly explanation for records past the cap', async () => {
    // The zod report is what made each bad record expensive: it runs for listed ones only.
    const safeParse = vi.spyOn(CloudTrailEventSchema, 'safeParse');
    await collect(readObject('flood.json.gz', flood()));
    expect(safeParse.mock.calls.length).toBe(100);
  });

  it('caps every kind of per-record error: lines that are not JSON, values that are not records', async () => {
    const lines = Buffer.from(
      `${Array.from({ length: BAD }, (_, i) => (i % 2 === 0 ? '{not json' : '42')).join('\n')}\n${JSON.stringify(record(1))}\n`,
    );
    const items = await collect(readObject('flood.jsonl', lines));
    expect(errors(items)).toHaveLength(100);
    expect(end(items)).toMatchObject({ events: 1, errors: BAD, unlistedErrors: BAD - 100 });
  });

  it('takes the cap from the options (0: count only)', async () => {
    const items = await collect(
      readObject('flood.jsonl', jsonLines([{}, {}, record(1)]), { maxListedErrors: 0 }),
    );
    expect(errors(items)).toHaveLength(0);
    expect(end(items)).toMatchObject({ events: 1, errors: 2, unlistedErrors: 2 });
  });

  it('gives the pipeline the true count', async () => {
    const seen: string[] = [];
    const result = await runPipeline(
      readObjectBatches('flood.json.gz', flood()),
      new DetectorEngine([], { settings: DEFAULT_SETTINGS }),
      new AlertAggregator(),
      { onIngestError: (error) => seen.push(error.message) },
    );
    expect(seen).toHaveLength(100);
    expect(result.input.ingestErrors).toBe(BAD);
    expect(result.input.events).toBe(1);
  });
});

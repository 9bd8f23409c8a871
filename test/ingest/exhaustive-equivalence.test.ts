import { describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../ingest/options.js';
import { readObject, readObjectBatches } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { chunked, collect } from './helpers/collect.js';
import { eventBridgeEvent, gz, jsonLines, logFile } from './helpers/fixtures.js';
import { realisticRecords, seeded } from './helpers/records.js';

/** Records that break the schema in every way a typed field can (zod must explain each). */
function brokenRecords(): unknown[] {
  const base = realisticRecords(1, 3)[0] as unknown as Record<string, unknown>;
  const variants: Record<string, unknown>[] = [
    { eventName: 7 },
    { eventSource: null },
    { eventTime: undefined },
    { userIdentity: 'root' },
    { userIdentity: { type: 1 } },
    { userIdentity: { sessionContext: { attributes: { mfaAuthenticated: 1 } } } },
    { userIdentity: { sessionContext: { sessionIssuer: [] } } },
    { requestParameters: [] },
    { responseElements: 'ok' },
    { resources: { ARN: 'arn' } },
    { resources: [{ ARN: 5 }] },
    { readOnly: 0 },
    { managementEvent: null },
    { errorCode: false },
    { userIdentity: null, requestParameters: null, resources: null },
  ];
  return [
    ...variants.map((change) => {
      const copy: Record<string, unknown> = { ...base, ...change };
      for (const [key, value] of Object.entries(change)) if (value === undefined) delete copy[key];
      return copy;
    }),
    JSON.parse('{"__proto__":{"eventName":"x"},"eventSource":"s3.amazonaws.com"}'),
    'not a record',
    [],
  ];
}

/** Every item as plain data: events by value, errors by code, source and message. */
function plain(items: readonly IngestItem[]): unknown[] {
  return items.map((item) =>
    item.kind === 'error'
      ? {
          kind: 'error',
          code: item.error.code,
          source: item.error.source,
          message: item.error.message,
        }
      : item,
  );
}

describe('the fast path and the exhaustive path give the same items', () => {
  const records = [...realisticRecords(40, 5), ...brokenRecords()];
  const rng = seeded(11);
  const inputs: [string, Buffer][] = [
    ['log file', logFile(records)],
    ['gzip log file', gz(logFile(records))],
    ['JSON Lines', jsonLines(records)],
    [
      'EventBridge array',
      Buffer.from(JSON.stringify(records.map((record) => eventBridgeEvent(record)))),
    ],
  ];
  const routes: [string, (bytes: Buffer) => Parameters<typeof readObject>[1], IngestOptions][] = [
    ['whole', (bytes) => bytes, {}],
    ['streamed', (bytes) => bytes, { wholeParseMaxBytes: 0 }],
    ['chunked', (bytes) => chunked(bytes, 1 + Math.floor(rng() * 500)), {}],
  ];

  for (const [input, bytes] of inputs) {
    for (const [route, body, options] of routes) {
      it(`for a ${input}, ${route}`, async () => {
        // Act
        const fast = await collect(readObject('in.json', body(bytes), options));
        const exhaustive = await collect(
          readObject('in.json', body(bytes), { ...options, exhaustive: true }),
        );

        // Assess: the same verdicts and the same zod messages, record by record.
        expect(plain(fast)).toEqual(plain(exhaustive));
        expect(fast.filter((i) => i.kind === 'error').length).toBeGreaterThanOrEqual(15);
        expect(fast.filter((i) => i.kind === 'event').length).toBeGreaterThanOrEqual(20);
      });
    }
  }

  it('reports a broken record with the message zod gives', async () => {
    const items = await collect(readObject('in.json', logFile([{ eventName: 7 }])));

    const error = items.find((i) => i.kind === 'error');
    expect(error?.kind === 'error' && error.error.message).toBe(
      'in.json record 0: invalid CloudTrail record: eventTime: missing (expected string); eventSource: missing (expected string); eventName: expected string, received number',
    );
  });
});

describe('readObjectBatches', () => {
  it('yields the items readObject yields, in the same order', async () => {
    const bytes = gz(logFile(realisticRecords(300, 9)));
    for (const options of [{}, { wholeParseMaxBytes: 0 }]) {
      const batches: IngestItem[][] = [];
      for await (const batch of readObjectBatches('in.json.gz', chunked(bytes, 4096), options)) {
        batches.push([...batch]);
      }
      const items = await collect(readObject('in.json.gz', chunked(bytes, 4096), options));

      expect(batches.flat()).toEqual(items);
      // Fewer steps than items: that is the point of batches.
      expect(batches.length).toBeLessThan(items.length / 10);
    }
  });
});

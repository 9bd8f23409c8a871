import { describe, expect, it } from 'vitest';
import { readObject } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { chunked, collect } from './helpers/collect.js';
import { eventBridgeEvent, gz, jsonLines, logFile } from './helpers/fixtures.js';
import { jsonValue, realisticRecords, seeded } from './helpers/records.js';

/** The IngestItem contract: one terminal item last, and counts that match what came before. */
function expectWellFormed(items: IngestItem[], label: string): void {
  const last = items.at(-1);
  expect(last, label).toBeDefined();
  const body = items.slice(0, -1);
  expect(
    body.some((item) => item.kind === 'object-end' || item.kind === 'skipped'),
    label,
  ).toBe(false);
  if (last?.kind === 'skipped') {
    expect(body, label).toEqual([]);
    return;
  }
  expect(last?.kind, label).toBe('object-end');
  if (last?.kind !== 'object-end') return;
  expect(last.events, label).toBe(body.filter((item) => item.kind === 'event').length);
  expect(last.errors, label).toBe(body.filter((item) => item.kind === 'error').length);
}

describe('readObject: never throws, always ends well-formed', () => {
  it('holds for truncations, bit flips and garbage of valid files, gzip or not', async () => {
    // Prepare: valid inputs of every format, then damaged copies of them.
    const rng = seeded(7);
    const records = realisticRecords(30, 2);
    const valid = [
      logFile(records),
      jsonLines(records.slice(0, 10)),
      Buffer.from(JSON.stringify(records.slice(0, 5).map((r) => eventBridgeEvent(r)))),
      Buffer.from(JSON.stringify(jsonValue(rng, 6))),
    ];
    const inputs: Buffer[] = [];
    for (const content of valid) {
      for (const bytes of [content, gz(content)]) {
        inputs.push(bytes);
        for (let k = 0; k < 6; k++)
          inputs.push(bytes.subarray(0, Math.floor(rng() * bytes.length)));
        for (let k = 0; k < 6; k++) {
          const flipped = Buffer.from(bytes);
          const at = Math.floor(rng() * flipped.length);
          flipped[at] = Math.floor(rng() * 256);
          inputs.push(flipped);
        }
      }
    }
    inputs.push(Buffer.from(Array.from({ length: 3000 }, () => Math.floor(rng() * 256))));

    for (const [index, bytes] of inputs.entries()) {
      for (const [route, read] of [
        ['whole', () => readObject(`in-${index}.json.gz`, bytes)],
        ['streamed', () => readObject(`s3://b/in-${index}.json`, bytes, { wholeParseMaxBytes: 0 })],
        [
          'chunked',
          () => readObject(`in-${index}.jsonl`, chunked(bytes, 1 + Math.floor(rng() * 300))),
        ],
      ] as const) {
        // Act
        const items = await collect(read());

        // Assess
        expectWellFormed(items, `input ${index} via ${route}`);
      }
    }
  });
});

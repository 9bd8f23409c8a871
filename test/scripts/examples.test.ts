import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/generate.js';
import { DEFAULT_OPTIONS } from '../../scripts/corpus/options.js';
import { listFiles, type TruthFile } from './corpus/read-corpus.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** truth.json without compressed sizes, which may differ between zlib builds; content hashes may not. */
function portable(truth: TruthFile): unknown {
  const bytes = Object.fromEntries(
    Object.entries(truth.bytes).map(([key, { stored: _stored, ...rest }]) => [key, rest]),
  );
  return { ...truth, bytes };
}

function readTruthAt(dir: string): TruthFile {
  return JSON.parse(readFileSync(join(dir, '.truth.json'), 'utf8')) as TruthFile;
}

describe('examples/', () => {
  let fresh: string;

  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'trailwatch-examples-'));
    generateCorpus({ ...DEFAULT_OPTIONS, out: fresh });
  }, 60_000);

  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('holds exactly what npm run examples writes (rerun it after changing the generator)', () => {
    const committed = listFiles(EXAMPLES).filter((k) => k !== 'README.md');
    expect(committed).toEqual(listFiles(fresh));
    expect(portable(readTruthAt(EXAMPLES))).toEqual(portable(readTruthAt(fresh)));
  });

  it('has file contents that match the hashes in its truth.json', () => {
    const truth = readTruthAt(EXAMPLES);
    for (const [key, entry] of Object.entries(truth.bytes)) {
      const raw = readFileSync(join(EXAMPLES, key));
      const text = key.endsWith('.gz') ? gunzipSync(raw) : raw;
      expect(createHash('sha256').update(text).digest('hex'), key).toBe(entry.sha256);
    }
  });

  it('stays small enough to ship in the repository', () => {
    const truth = readTruthAt(EXAMPLES);
    const stored = Object.values(truth.bytes).reduce((sum, f) => sum + f.stored, 0);
    expect(stored).toBeLessThan(3_000_000);
    expect(truth.files).toBeGreaterThanOrEqual(20);
    expect(truth.files).toBeLessThanOrEqual(40);
  });
});

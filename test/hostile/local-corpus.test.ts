import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPaths } from '../../ingest/read-paths.js';
import type { IngestItem } from '../../ingest/types.js';
import { buildCorpus, CORPUS_MAX_DECOMPRESSED_BYTES, type HostileCase } from './corpus.js';

/**
 * The corpus' objects as local files, read the way `trailwatch scan` reads a
 * folder: every file ends with exactly one object-end or skipped, the good
 * records come through, every error names its file, and nothing throws.
 */

const root = mkdtempSync(join(tmpdir(), 'trailwatch-local-corpus-'));
const files = new Map<string, HostileCase>();
for (const c of buildCorpus()) {
  if (c.input.kind !== 'object' || c.input.key.endsWith('/')) continue;
  const folder = join(root, c.id);
  mkdirSync(folder);
  const file = join(folder, basename(c.input.key));
  writeFileSync(file, c.input.body);
  files.set(file, c);
}

describe('Hostile corpus as local files (the CLI path)', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads every file to a classified end, with the good records and named errors', async () => {
    // Act
    const byFile = new Map<string, IngestItem[]>();
    for await (const item of readPaths([root], {
      maxDecompressedBytes: CORPUS_MAX_DECOMPRESSED_BYTES,
    })) {
      const object = item.kind === 'error' ? item.error.source.object : item.source.object;
      const list = byFile.get(object);
      if (list) list.push(item);
      else byFile.set(object, [item]);
    }

    // Assess
    expect([...byFile.keys()].sort()).toEqual([...files.keys()].sort());
    const wrong: string[] = [];
    for (const [file, c] of files) {
      const items = byFile.get(file) ?? [];
      const endings = items.filter((i) => i.kind === 'object-end' || i.kind === 'skipped');
      const events = items.filter((i) => i.kind === 'event').length;
      const expected = c.localEvents ?? c.expect.events;
      if (endings.length !== 1 || items.at(-1) !== endings[0]) wrong.push(`${c.id}: endings`);
      if (events !== expected) wrong.push(`${c.id}: ${events} events, expected ${expected}`);
      for (const item of items) {
        if (item.kind === 'error' && !item.error.message.startsWith(`${file}`)) {
          wrong.push(`${c.id}: error does not name the file: ${item.error.message}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(files.size).toBeGreaterThan(50);
  }, 60_000);
});

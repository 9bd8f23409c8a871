import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, type CaseInput, type Expectation, type HostileCase } from './corpus.js';

/**
 * Writes the hostile-input corpus to a folder: `manifest.json` (id, catalog
 * entries, title, expected outcome, how each case reaches the pipeline) and one
 * blob per object. Tests generate it into a temporary folder and read it back, so
 * what they check is exactly what is on disk; run it by hand to look at the files:
 *
 *   npx tsx test/hostile/generate-corpus.ts --out /tmp/trailwatch-corpus
 */

interface ManifestEntry {
  readonly id: string;
  readonly catalog: readonly string[];
  readonly title: string;
  readonly expect: Expectation;
  readonly localEvents?: number;
  readonly input:
    | { readonly kind: 'object'; readonly key: string; readonly file: string }
    | {
        readonly kind: 'message';
        readonly body: string;
        readonly objects: readonly { readonly key: string; readonly file: string }[];
      }
    | { readonly kind: 'eventbridge'; readonly payload: string };
}

/** Writes every case under `dir` and returns the manifest's path. */
export function writeCorpus(dir: string, cases: readonly HostileCase[] = buildCorpus()): string {
  mkdirSync(join(dir, 'objects'), { recursive: true });
  const blob = (name: string, body: Buffer) => {
    const file = join('objects', `${name}.bin`);
    writeFileSync(join(dir, file), body);
    return file;
  };
  const manifest: ManifestEntry[] = cases.map((c) => ({
    id: c.id,
    catalog: c.catalog,
    title: c.title,
    expect: c.expect,
    ...(c.localEvents === undefined ? {} : { localEvents: c.localEvents }),
    input: entryInput(c.id, c.input, blob),
  }));
  const path = join(dir, 'manifest.json');
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

function entryInput(
  id: string,
  input: CaseInput,
  blob: (name: string, body: Buffer) => string,
): ManifestEntry['input'] {
  switch (input.kind) {
    case 'object':
      return { kind: 'object', key: input.key, file: blob(id, input.body) };
    case 'message':
      return {
        kind: 'message',
        body: input.body,
        objects: Object.entries(input.objects).map(([key, body], i) => ({
          key,
          file: blob(`${id}.${i}`, body),
        })),
      };
    case 'eventbridge':
      return input;
  }
}

/** Reads a corpus written by {@link writeCorpus}. */
export function loadCorpus(dir: string): HostileCase[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const read = (file: string) => readFileSync(join(dir, file));
  return manifest.map((entry) => ({
    id: entry.id,
    catalog: entry.catalog,
    title: entry.title,
    expect: entry.expect,
    ...(entry.localEvents === undefined ? {} : { localEvents: entry.localEvents }),
    input:
      entry.input.kind === 'object'
        ? { kind: 'object', key: entry.input.key, body: read(entry.input.file) }
        : entry.input.kind === 'message'
          ? {
              kind: 'message',
              body: entry.input.body,
              objects: Object.fromEntries(entry.input.objects.map((o) => [o.key, read(o.file)])),
            }
          : entry.input,
  }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (!out) {
    process.stderr.write('usage: tsx test/hostile/generate-corpus.ts --out <folder>\n');
    process.exit(2);
  }
  const path = writeCorpus(out);
  process.stdout.write(`wrote ${path}\n`);
}

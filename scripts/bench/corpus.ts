import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createGzip, gunzipSync } from 'node:zlib';
import { listInputFiles } from '../../ingest/input-files.js';
import { generateCorpus } from '../corpus/generate.js';
import { DEFAULT_OPTIONS } from '../corpus/options.js';

/** The regions research/performance.md's corpus used (us-east-1 gets the global services). */
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2'];
const PREFIX = Buffer.from('{"Records":[');
const SUFFIX = Buffer.from(']}');

/** A corpus on disk and what the benchmark needs to know about it. */
export interface Corpus {
  readonly dir: string;
  /** Log files, in the order the scan lists them. */
  readonly files: readonly string[];
  readonly truth: string;
  readonly events: number;
  readonly uncompressedBytes: number;
  readonly storedBytes: number;
}

interface Truth {
  readonly seed: string;
  readonly options: { readonly events: number; readonly files: number };
  readonly bytes: Record<string, { stored: number; uncompressed: number; events: number }>;
}

/**
 * The seeded corpus for these arguments: reused when `data` already holds it (the
 * generator is deterministic, so the same arguments mean the same bytes), generated
 * otherwise (about 40 s of CPU per million events).
 */
export async function ensureCorpus(
  data: string,
  events: number,
  files: number,
  seed: string,
  log: (line: string) => void,
): Promise<Corpus> {
  const dir = join(data, `corpus-e${events}-f${files}-${seed}`);
  const truthPath = join(dir, '.truth.json');
  if (!matches(truthPath, events, files, seed)) {
    log(`generating ${events} events in ${files} files (seed ${seed}) into ${dir} ...`);
    generateCorpus(
      { ...DEFAULT_OPTIONS, out: dir, events, files, seed, regions: REGIONS, extras: false },
      true,
    );
  }
  return describe(dir, truthPath, await listInputFiles([dir]));
}

function matches(truthPath: string, events: number, files: number, seed: string): boolean {
  if (!existsSync(truthPath)) return false;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  return truth.seed === seed && truth.options.events === events && truth.options.files === files;
}

function describe(dir: string, truthPath: string, listed: readonly string[]): Corpus {
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  const keys = Object.keys(truth.bytes);
  let events = 0;
  let uncompressedBytes = 0;
  let storedBytes = 0;
  for (const key of keys) {
    const info = truth.bytes[key] as Truth['bytes'][string];
    events += info.events;
    uncompressedBytes += info.uncompressed;
    storedBytes += info.stored;
  }
  return {
    dir,
    // The scan's own listing (.truth.json is skipped as it is not a log file).
    files: listed,
    truth: truthPath,
    events,
    uncompressedBytes,
    storedBytes,
  };
}

/** One CloudTrail file of at least `mb` MB uncompressed, and its counts. */
export interface LargeFile {
  readonly path: string;
  readonly events: number;
  readonly uncompressedBytes: number;
  readonly storedBytes: number;
}

/**
 * One gzip'd CloudTrail file of at least `mb` × 10^6 bytes of JSON. The generator
 * builds each file as one string, which V8 caps near 512 MiB, so the large file is
 * stitched from a dedicated seeded corpus instead: every record of its files, in
 * order, inside one `{"Records":[...]}`, streamed through gzip (level 6, as the
 * generator writes). Events are unique; memory stays at one source file.
 */
export async function ensureLargeFile(
  data: string,
  mb: number,
  seed: string,
  log: (line: string) => void,
): Promise<LargeFile> {
  const dir = join(data, `large-${mb}mb-${seed}`);
  const path = join(dir, 'CloudTrail_large.json.gz');
  const metaPath = join(dir, 'large.meta.json');
  if (existsSync(metaPath) && existsSync(path)) {
    return JSON.parse(readFileSync(metaPath, 'utf8')) as LargeFile;
  }
  const target = mb * 1e6;
  // ~1,560 bytes per event (research/performance.md); a few percent spare.
  const events = Math.max(10, Math.ceil((target / 1560) * 1.05));
  const files = Math.max(1, Math.ceil(events / 2000));
  const source = await ensureCorpus(join(dir, 'source'), events, files, `${seed}-large`, log);
  log(`stitching ${mb} MB into ${path} ...`);
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const write = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  let written = 0;
  let count = 0;
  await write(PREFIX);
  written += PREFIX.length;
  const truth = JSON.parse(readFileSync(source.truth, 'utf8')) as Truth;
  for (const file of source.files) {
    if (written >= target) break;
    const text = gunzipSync(readFileSync(file));
    const body = text.subarray(PREFIX.length, text.length - SUFFIX.length);
    if (count > 0) {
      await write(Buffer.from(','));
      written += 1;
    }
    await write(body);
    written += body.length;
    const key = file
      .slice(source.dir.length + 1)
      .split(/[\\/]/)
      .join('/');
    count += truth.bytes[key]?.events ?? 0;
  }
  await write(SUFFIX);
  written += SUFFIX.length;
  gzip.end();
  await once(out, 'close');
  renameSync(partial, path);
  const meta: LargeFile = {
    path,
    events: count,
    uncompressedBytes: written,
    storedBytes: statSync(path).size,
  };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

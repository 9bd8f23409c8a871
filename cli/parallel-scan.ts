import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  emptyStats,
  type FindingSink,
  type PipelineHooks,
  type PipelineResult,
  type PipelineStats,
} from '../alerting/pipeline.js';
import { ACCESS_LOG_FINDING_DETECTORS } from '../detectors/access-log/for-config.js';
import type { Detector } from '../detectors/types.js';
import type { IngestOptions } from '../ingest/options.js';
import { UsageError } from './io.js';
import {
  type FilePart,
  type FromWorker,
  receiveDetectorError,
  receiveFinding,
  receiveIngestError,
  type ToWorker,
  WorkerProtocolError,
  type WorkerSetup,
} from './scan-messages.js';

export interface ParallelScanOptions {
  /** Files as `listInputFiles` lists them: the order findings reach the sink. */
  readonly files: readonly string[];
  /** Worker threads (at least 1). */
  readonly jobs: number;
  /** The scan's config file; each worker loads it to build the same engine. */
  readonly config: string | undefined;
  /** The `--detectors` folder, loaded by each worker too. */
  readonly userDetectors?: string | undefined;
  readonly ingest?: IngestOptions;
  /** The ip-ranges.json the scan loaded, loaded by each worker too. */
  readonly awsIpRangesFile?: string | undefined;
}

/** How many files past the oldest unfinished one may be handed out (bounds buffered results). */
const FILES_AHEAD_PER_JOB = 4;

/** `--jobs auto`: one worker per CPU the process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Scans files on `jobs` worker threads and feeds their findings into ONE sink in the
 * main thread, file by file in `files` order, so dedup windows, thresholds and
 * first-seen keys see exactly what a single-threaded `runPipeline` over the same
 * files would: the alerts are the same. Hooks are called in the same order too
 * (errors of a file, then its `onObjectDone`).
 *
 * Each worker builds its engine from `config` and the built-in catalog (as `scan`
 * does) and refuses to run if its detector ids differ from `detectors`. Workers take
 * the next file when they finish one; results of files finished early wait (at most
 * `4 × jobs` files ahead), and a worker with a big file pauses once it has two
 * unconsumed parts of findings: memory stays bounded.
 *
 * @throws WorkerProtocolError when a worker fails to start or dies (the scan cannot
 *   vouch for a partial result).
 */
export async function runParallelScan(
  options: ParallelScanOptions,
  detectors: readonly Detector[],
  sink: FindingSink,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  const { files } = options;
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs), files.length));
  // Access-log findings carry stand-in detectors; the main thread needs them too.
  const byId = new Map([...detectors, ...ACCESS_LOG_FINDING_DETECTORS].map((d) => [d.id, d]));
  const stats = emptyStats();
  const setup: WorkerSetup = {
    config: options.config,
    userDetectors: options.userDetectors,
    ingest: options.ingest ?? {},
    detectorIds: detectors.map((d) => d.id),
    awsIpRangesFile: options.awsIpRangesFile,
  };
  /** Parts received for files not yet reached, by file index. */
  const waiting = new Map<number, { parts: FilePart[]; done: boolean }>();
  const owner = new Map<number, Worker>();
  let head = 0;
  let next = 0;
  let chain = Promise.resolve();
  let failure: Error | undefined;

  const workers: Worker[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      failure ??= error;
      reject(failure);
    };
    const dispatch = (worker: Worker) => {
      if (next >= files.length || next >= head + jobs * FILES_AHEAD_PER_JOB) return false;
      owner.set(next, worker);
      worker.postMessage({ type: 'file', index: next, path: files[next] as string } as ToWorker);
      next += 1;
      return true;
    };
    const idle: Worker[] = [];
    const consume = async () => {
      for (;;) {
        const entry = waiting.get(head);
        if (entry === undefined || entry.parts.length === 0) return;
        const part = entry.parts.shift() as FilePart;
        await apply(part);
        if (part.type === 'part') {
          owner.get(head)?.postMessage({ type: 'ack' } as ToWorker);
          continue;
        }
        waiting.delete(head);
        owner.delete(head);
        head += 1;
        hooks.onObjectDone?.(stats);
        while (idle.length > 0 && dispatch(idle[0] as Worker)) idle.shift();
        if (head === files.length) resolve();
      }
    };
    const apply = async (part: FilePart) => {
      for (const sent of part.ingestErrors) hooks.onIngestError?.(receiveIngestError(sent));
      for (const sent of part.detectorErrors) hooks.onDetectorError?.(receiveDetectorError(sent));
      for (const sent of part.findings) await sink.add(receiveFinding(sent, byId));
      if (part.type === 'result' && 'stats' in part) addStats(stats, part.stats as PipelineStats);
    };
    for (let i = 0; i < jobs; i++) {
      const worker = startWorker(setup);
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'fatal') return fail(new WorkerProtocolError(message.message));
        if (message.type === 'ready') {
          if (!dispatch(worker)) idle.push(worker);
          return;
        }
        const entry = waiting.get(message.index) ?? { parts: [], done: false };
        entry.parts.push(message);
        waiting.set(message.index, entry);
        if (message.type === 'result' && !dispatch(worker)) idle.push(worker);
        chain = chain.then(consume).catch(fail);
      });
      worker.on('error', (error) => fail(new WorkerProtocolError(error.message, { cause: error })));
      worker.on('exit', (code) => {
        if (head < files.length) fail(new WorkerProtocolError(`scan worker exited (${code})`));
      });
    }
    if (files.length === 0) resolve();
  });
  try {
    await finished;
    await chain;
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      worker.postMessage({ type: 'stop' } as ToWorker);
      await worker.terminate();
    }
  }
  const flushed = await sink.flush();
  return { ...flushed, input: stats };
}

/** The worker module beside this one: compiled JS as is, TypeScript through tsx. */
function startWorker(setup: WorkerSetup): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts'))
    return new Worker(new URL('./scan-worker.js', self), { workerData: setup });
  // Run from source (bin/trailwatch.mjs, tests): the worker needs tsx's loader too.
  const tsx = tsxApiUrl();
  const entry = new URL('./scan-worker.ts', self).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

/** tsx's ESM API (`import` condition); test runners without `import.meta.resolve` get it via require. */
function tsxApiUrl(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

function addStats(total: PipelineStats, add: PipelineStats): void {
  total.objects += add.objects;
  total.bytes += add.bytes;
  total.events += add.events;
  total.skipped += add.skipped;
  total.ingestErrors += add.ingestErrors;
  total.detectorErrors += add.detectorErrors;
  total.findings += add.findings;
  for (const [reason, n] of Object.entries(add.skippedByReason)) {
    const key = reason as keyof PipelineStats['skippedByReason'];
    total.skippedByReason[key] = (total.skippedByReason[key] ?? 0) + (n ?? 0);
  }
}

/** Validates `--jobs`: a whole number from 1 to 256, or `auto` (one per CPU). */
export function parseJobs(value: string): number {
  if (value === 'auto') return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(`--jobs must be a whole number from 1 to 256, or auto (got "${value}")`);
  }
  return n;
}

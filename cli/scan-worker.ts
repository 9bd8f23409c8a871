/**
 * A scan worker thread (see parallel-scan.ts): builds the same engine as the main
 * thread, then runs the shared pipeline on one file at a time and posts back what it
 * found. Alerting (dedup, thresholds) stays in the main thread, so it sees every
 * finding of the scan in file order, as a single-threaded scan does.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { AggregationStats } from '../alerting/aggregator.js';
import { applyDetectorOverrides } from '../alerting/config/overrides.js';
import { type FindingSink, runPipeline } from '../alerting/pipeline.js';
import {
  ACCESS_LOG_FINDING_DETECTORS,
  accessLogEngineFor,
} from '../detectors/access-log/for-config.js';
import { DetectorEngine } from '../detectors/engine.js';
import { lazyReaderFor } from '../detectors/record-filter.js';
import type { Finding } from '../detectors/types.js';
import { loadDetectorCatalog } from '../detectors/user/catalog.js';
import { readFileBatches } from '../ingest/read-paths.js';
import { readAwsIpRangesFile } from './aws-ip-ranges/file.js';
import { loadConfig } from './load-config.js';
import {
  type FromWorker,
  type SentDetectorError,
  type SentIngestError,
  sendDetectorError,
  sendFinding,
  sendIngestError,
  type ToWorker,
  type WorkerSetup,
} from './scan-messages.js';

/** Findings per `part` message: a few MB of events at most. */
export const PART_FINDINGS = 1000;
/** Parts a worker may have sent and not yet seen acknowledged before it pauses. */
export const PARTS_AHEAD = 2;

const NO_AGGREGATION: AggregationStats = {
  findings: 0,
  duplicates: 0,
  invalidEventTimes: 0,
  alerts: 0,
  suppressedAlerts: 0,
  belowThreshold: { findings: 0, keys: 0 },
  learned: 0,
  alreadyKnown: 0,
};

/**
 * Hands one file's findings and errors to the main thread in parts. `add` pauses the
 * pipeline (it awaits the sink) while too many parts are unacknowledged, so memory
 * stays bounded however many findings a 1 GB file yields.
 */
class PartSink implements FindingSink {
  private findings: Finding[] = [];
  ingestErrors: SentIngestError[] = [];
  detectorErrors: SentDetectorError[] = [];
  private unacknowledged = 0;
  private waiting: (() => void) | undefined;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private index = 0,
  ) {}

  start(index: number): void {
    this.index = index;
  }

  add(finding: Finding): Promise<void> | undefined {
    this.findings.push(finding);
    if (this.findings.length < PART_FINDINGS) return undefined;
    this.post({ type: 'part', ...this.take() });
    this.unacknowledged += 1;
    if (this.unacknowledged < PARTS_AHEAD) return undefined;
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  acknowledged(): void {
    this.unacknowledged -= 1;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  async flush() {
    return { alerts: [], stats: NO_AGGREGATION };
  }

  /** What piled up since the last message, and the file it belongs to. */
  take() {
    const part = {
      index: this.index,
      findings: this.findings.map(sendFinding),
      ingestErrors: this.ingestErrors,
      detectorErrors: this.detectorErrors,
    };
    this.findings = [];
    this.ingestErrors = [];
    this.detectorErrors = [];
    return part;
  }
}

async function start(port: MessagePort, setup: WorkerSetup): Promise<void> {
  const post = (message: FromWorker) => port.postMessage(message);
  const catalog = await loadDetectorCatalog(setup.userDetectors);
  const config = await loadConfig(setup.config, [...catalog, ...ACCESS_LOG_FINDING_DETECTORS]);
  const detectors = applyDetectorOverrides(catalog, config.detectors);
  if (detectors.map((d) => d.id).join('\n') !== setup.detectorIds.join('\n')) {
    post({ type: 'fatal', message: 'worker built a different detector catalog than the scan' });
    return;
  }
  const settings =
    setup.awsIpRangesFile === undefined
      ? config.settings
      : { ...config.settings, awsIpRanges: await readAwsIpRangesFile(setup.awsIpRangesFile) };
  const engine = new DetectorEngine(detectors, { settings });
  const accessLogs = accessLogEngineFor(config.detectors, config.settings);
  const sink = new PartSink(post);

  async function scanFile(index: number, path: string): Promise<void> {
    sink.start(index);
    const result = await runPipeline(
      // The filter is a function, so each worker makes its own from its engine.
      readFileBatches([path], { ...setup.ingest, lazy: lazyReaderFor(engine) }),
      engine,
      sink,
      {
        onIngestError: (error) => sink.ingestErrors.push(sendIngestError(error)),
        onDetectorError: (error) => sink.detectorErrors.push(sendDetectorError(error)),
      },
      { accessLogs },
    );
    post({ type: 'result', ...sink.take(), stats: result.input });
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'ack') sink.acknowledged();
    else if (message.type === 'stop') port.close();
    else {
      scanFile(message.index, message.path).catch((error: unknown) => {
        post({ type: 'fatal', message: `${message.path}: ${messageOf(error)}` });
      });
    }
  });
  post({ type: 'ready' });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (parentPort !== null) {
  const port = parentPort;
  start(port, workerData as WorkerSetup).catch((error: unknown) => {
    port.postMessage({ type: 'fatal', message: messageOf(error) } satisfies FromWorker);
  });
}

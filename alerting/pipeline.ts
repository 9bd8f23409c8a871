import type { DetectorEngine, DetectorError } from '../detectors/engine.js';
import type { Finding } from '../detectors/types.js';
import type { IngestError } from '../ingest/errors.js';
import type { IngestItem, SkipReason } from '../ingest/types.js';
import type { FlushResult } from './aggregator.js';

/** Where findings go: the {@link AlertAggregator} (dedup, thresholds) in production. */
export interface FindingSink {
  add(finding: Finding): void | Promise<void>;
  flush(): Promise<FlushResult>;
}

/** Counts of one run, for the closing summary and the Lambda logs. */
export interface PipelineStats {
  objects: number;
  bytes: number;
  events: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  ingestErrors: number;
  detectorErrors: number;
  findings: number;
}

export interface PipelineResult extends FlushResult {
  /** What ingest and the engine saw; `stats` (from the sink) says what became alerts. */
  readonly input: PipelineStats;
}

export interface PipelineHooks {
  /** Called for every ingest error (bad object or record); the run goes on. */
  onIngestError?(error: IngestError): void;
  /** Called when a detector throws; the other detectors and events go on. */
  onDetectorError?(error: DetectorError): void;
  /** Called after each object (file) is finished or skipped, for progress. */
  onObjectDone?(stats: Readonly<PipelineStats>): void;
}

export function emptyStats(): PipelineStats {
  return {
    objects: 0,
    bytes: 0,
    events: 0,
    skipped: 0,
    skippedByReason: {},
    ingestErrors: 0,
    detectorErrors: 0,
    findings: 0,
  };
}

/**
 * The one pipeline the CLI and both Lambda handlers run: ingest items in,
 * detectors on each event, findings into the sink, alerts out. Bad input is
 * counted and reported through hooks; it never stops the stream.
 */
export async function runPipeline(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  engine: DetectorEngine,
  sink: FindingSink,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  const stats = emptyStats();
  const onDetectorError = (error: DetectorError) => {
    stats.detectorErrors += 1;
    hooks.onDetectorError?.(error);
  };
  for await (const item of items) {
    switch (item.kind) {
      case 'event': {
        stats.events += 1;
        const findings = engine.evaluate(item.event, onDetectorError);
        for (const finding of findings) {
          stats.findings += 1;
          await sink.add(finding);
        }
        break;
      }
      case 'error':
        stats.ingestErrors += 1;
        hooks.onIngestError?.(item.error);
        break;
      case 'skipped':
        stats.skipped += 1;
        stats.skippedByReason[item.reason] = (stats.skippedByReason[item.reason] ?? 0) + 1;
        hooks.onObjectDone?.(stats);
        break;
      case 'object-end':
        stats.objects += 1;
        stats.bytes += item.bytes;
        hooks.onObjectDone?.(stats);
        break;
    }
  }
  const flushed = await sink.flush();
  return { ...flushed, input: stats };
}

import type { AccessLogEngine } from '../detectors/access-log/engine.js';
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
  /** S3 server access-log records read (each one a request). */
  accessLogRecords: number;
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

/** Engines for inputs other than CloudTrail events; records without an engine are only counted. */
export interface PipelineSources {
  /** Runs on `access-log` items (S3 server access logs). */
  readonly accessLogs?: AccessLogEngine;
}

export function emptyStats(): PipelineStats {
  return {
    objects: 0,
    bytes: 0,
    events: 0,
    accessLogRecords: 0,
    skipped: 0,
    skippedByReason: {},
    ingestErrors: 0,
    detectorErrors: 0,
    findings: 0,
  };
}

/**
 * What the pipeline reads: ingest items, one by one (`readPaths`, `readObject`,
 * `fromEventBridge`) or in batches (`readPathsBatches`, `readObjectBatches`: cheaper,
 * one async step per batch instead of per event).
 */
export type PipelineInput =
  | AsyncIterable<IngestItem | readonly IngestItem[]>
  | Iterable<IngestItem | readonly IngestItem[]>;

/**
 * The one pipeline the CLI and both Lambda handlers run: ingest items in,
 * detectors on each event, findings into the sink, alerts out. Bad input is
 * counted and reported through hooks; it never stops the stream.
 */
export async function runPipeline(
  items: PipelineInput,
  engine: DetectorEngine,
  sink: FindingSink,
  hooks: PipelineHooks = {},
  sources: PipelineSources = {},
): Promise<PipelineResult> {
  const stats = emptyStats();
  const onDetectorError = (error: DetectorError) => {
    stats.detectorErrors += 1;
    hooks.onDetectorError?.(error);
  };
  const take = (item: IngestItem): readonly Finding[] | undefined => {
    switch (item.kind) {
      case 'event': {
        stats.events += 1;
        const findings = engine.evaluate(item.event, onDetectorError);
        return findings.length > 0 ? findings : undefined;
      }
      case 'access-log': {
        stats.accessLogRecords += 1;
        const findings = sources.accessLogs?.evaluate(item.record, item.source, onDetectorError);
        return findings !== undefined && findings.length > 0 ? findings : undefined;
      }
      case 'error':
        stats.ingestErrors += 1;
        hooks.onIngestError?.(item.error);
        return undefined;
      case 'skipped':
        stats.skipped += 1;
        stats.skippedByReason[item.reason] = (stats.skippedByReason[item.reason] ?? 0) + 1;
        hooks.onObjectDone?.(stats);
        return undefined;
      case 'object-end':
        stats.objects += 1;
        // Records no detector could match were counted but not parsed: still events.
        stats.events += item.unparsed ?? 0;
        // Bad records past the object's listing cap were counted, not yielded.
        stats.ingestErrors += item.unlistedErrors ?? 0;
        stats.bytes += item.bytes;
        hooks.onObjectDone?.(stats);
        return undefined;
    }
  };
  for await (const entry of items) {
    if (!isBatch(entry)) {
      const findings = take(entry);
      if (findings !== undefined) await addAll(findings, sink, stats);
      continue;
    }
    for (let i = 0; i < entry.length; i++) {
      // Most events have no finding: only those pay for an await.
      const findings = take(entry[i] as IngestItem);
      if (findings !== undefined) await addAll(findings, sink, stats);
    }
  }
  const flushed = await sink.flush();
  return { ...flushed, input: stats };
}

function isBatch(entry: IngestItem | readonly IngestItem[]): entry is readonly IngestItem[] {
  return Array.isArray(entry);
}

async function addAll(
  findings: readonly Finding[],
  sink: FindingSink,
  stats: PipelineStats,
): Promise<void> {
  for (const finding of findings) {
    stats.findings += 1;
    await sink.add(finding);
  }
}

import type { PipelineStats } from '../alerting/pipeline.js';
import { DetectorError } from '../detectors/engine.js';
import type { Detector, Finding } from '../detectors/types.js';
import { DuplicateKeyError, IngestError, type IngestErrorCode } from '../ingest/errors.js';
import type { IngestOptions } from '../ingest/options.js';
import type { SourceRef } from '../ingest/types.js';

/**
 * What a scan worker is told once, at start: how to build the same engine as the
 * main thread (the config file, read again) and how to read files.
 */
export interface WorkerSetup {
  readonly config: string | undefined;
  /** The `--detectors` folder: workers load the same user detectors. */
  readonly userDetectors?: string | undefined;
  readonly ingest: IngestOptions;
  /** The main thread's detector ids, in order: the worker refuses to run a different catalog. */
  readonly detectorIds: readonly string[];
  /** The ip-ranges.json the main thread loaded: workers build the same ranges from it. */
  readonly awsIpRangesFile?: string | undefined;
}

/**
 * Main thread to worker: scan one file (its index in the scan order); one `part` of
 * findings was taken in (the worker may send more); stop.
 */
export type ToWorker =
  | { readonly type: 'file'; readonly index: number; readonly path: string }
  | { readonly type: 'ack' }
  | { readonly type: 'stop' };

/** A finding without its detector (functions do not cross threads): the id stands for it. */
export type SentFinding = Omit<Finding, 'detector'> & { readonly detectorId: string };

export interface SentIngestError {
  readonly code: IngestErrorCode;
  readonly source: SourceRef;
  readonly message: string;
  readonly cause?: string;
  /** A DuplicateKeyError's key path: the tampering alert names it. */
  readonly keyPath?: string;
}

export interface SentDetectorError {
  readonly detectorId: string;
  readonly eventId: string | undefined;
  readonly cause: string;
}

/**
 * What one file produced since the last message, in the order `runPipeline` met it.
 * A big file sends `part`s as findings pile up (each acknowledged by the main thread
 * before the worker runs too far ahead), then one `result` with the rest and the
 * file's counts.
 */
export interface FilePart {
  readonly type: 'part' | 'result';
  readonly index: number;
  readonly findings: readonly SentFinding[];
  readonly ingestErrors: readonly SentIngestError[];
  readonly detectorErrors: readonly SentDetectorError[];
}

export interface FileResult extends FilePart {
  readonly type: 'result';
  readonly stats: PipelineStats;
}

/** Worker to main thread. */
export type FromWorker =
  | { readonly type: 'ready' }
  | (FilePart & { readonly type: 'part' })
  | FileResult
  | { readonly type: 'fatal'; readonly message: string };

/**
 * Structured clone copies plain data; the event (parsed JSON) crosses as it is, an
 * own `__proto__` key included.
 */
export function sendFinding(finding: Finding): SentFinding {
  const { detector, ...rest } = finding;
  return { ...rest, detectorId: detector.id };
}

export function receiveFinding(sent: SentFinding, detectors: ReadonlyMap<string, Detector>) {
  const { detectorId, ...rest } = sent;
  const detector = detectors.get(detectorId);
  if (detector === undefined) throw new WorkerProtocolError(`unknown detector ${detectorId}`);
  return { ...rest, detector } as Finding;
}

export function sendIngestError(error: IngestError): SentIngestError {
  return {
    code: error.code,
    source: error.source,
    message: error.message,
    ...(error.cause === undefined ? {} : { cause: messageOf(error.cause) }),
    ...(error instanceof DuplicateKeyError ? { keyPath: error.keyPath } : {}),
  };
}

/** The same error as the worker saw: same code, source and message. */
export function receiveIngestError(sent: SentIngestError): IngestError {
  const options = sent.cause === undefined ? undefined : { cause: new Error(sent.cause) };
  const error =
    sent.keyPath === undefined
      ? new IngestError(sent.code, sent.source, '', options)
      : new DuplicateKeyError(sent.source, sent.keyPath, '');
  error.message = sent.message;
  return error;
}

export function sendDetectorError(error: DetectorError): SentDetectorError {
  return { detectorId: error.detectorId, eventId: error.eventId, cause: messageOf(error.cause) };
}

export function receiveDetectorError(sent: SentDetectorError): DetectorError {
  return new DetectorError(sent.detectorId, sent.eventId, { cause: new Error(sent.cause) });
}

/** A worker broke the protocol or died: the scan cannot vouch for its result. */
export class WorkerProtocolError extends Error {
  override readonly name = 'WorkerProtocolError';
}

function messageOf(cause: unknown): string {
  return String((cause as Error | undefined)?.message ?? cause);
}

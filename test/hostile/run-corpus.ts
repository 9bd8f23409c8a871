import { logGz, logKey, notification, stopLogging } from './corpus/build.js';
import { BUCKET } from './corpus/types.js';
import { type HostileCase, STOPPED } from './corpus.js';
import { type Delivery, type LogEntry, type PipelineHarness, sqsRecord } from './harness.js';

/** What the handlers did with one case (and the good canary delivered beside it). */
export interface CaseRun {
  readonly case: HostileCase;
  /** SQS message ids reported failed (R). */
  readonly failed: readonly string[];
  /** Log lines of the run. */
  readonly logs: readonly LogEntry[];
  /** Messages SNS accepted during the run, the canary's left out. */
  readonly deliveries: readonly Delivery[];
  /** The canary's alerts (must be exactly one). */
  readonly canary: readonly Delivery[];
  /** Events handed to the detectors for the case's own objects. */
  readonly events: number;
  /** Whether the EventBridge handler threw (EventBridge cases). */
  readonly threw?: unknown;
}

/** The handlers' per-unit summary lines (S3 object, EventBridge event). */
const PROCESSED = new Set(['object processed', 'event processed']);

export const caseMessageId = (c: HostileCase) => `case-${c.id}`;
const canaryUser = (c: HostileCase) => `canary-${c.id}`;

/** Makes every object of the corpus (and one canary per case) fetchable from the mocked S3. */
export function stockObjects(harness: PipelineHarness, corpus: readonly HostileCase[]): void {
  for (const c of corpus) {
    if (c.input.kind === 'object') harness.objects.set(c.input.key, c.input.body);
    if (c.input.kind === 'message') {
      for (const [key, body] of Object.entries(c.input.objects)) harness.objects.set(key, body);
    }
    harness.objects.set(logKey(`canary-${c.id}`), logGz([stopLogging(canaryUser(c))]));
  }
}

/**
 * Runs one case: S3 cases as a batch of two SQS messages (the case, then a good
 * canary object that must alert whatever the case does); EventBridge cases as one
 * invocation of the EventBridge handler.
 */
export async function runCase(harness: PipelineHarness, c: HostileCase): Promise<CaseRun> {
  const logStart = harness.logs.length;
  const deliveryStart = harness.deliveries.length;
  let failed: string[] = [];
  let threw: unknown;
  if (c.input.kind === 'eventbridge') {
    try {
      await harness.eventBridgeHandler(JSON.parse(c.input.payload));
    } catch (error) {
      threw = error;
    }
  } else {
    const body = c.input.kind === 'object' ? notification([c.input.key]) : (c.input.body as string);
    failed = await harness.sqs([
      sqsRecord(caseMessageId(c), body),
      sqsRecord(`canary-${c.id}`, notification([logKey(`canary-${c.id}`)])),
    ]);
  }
  const logs = harness.logs.slice(logStart);
  const all = harness.deliveries.slice(deliveryStart);
  const isCanary = (d: Delivery) => d.alert.principal?.endsWith(`/${canaryUser(c)}`) ?? false;
  const canaryUri = `s3://${BUCKET}/${logKey(`canary-${c.id}`)}`;
  const events = logs
    .filter((l) => PROCESSED.has(l.message) && l.object !== canaryUri)
    .reduce((n, l) => n + Number(l.events ?? 0), 0);
  return {
    case: c,
    failed,
    logs,
    deliveries: all.filter((d) => !isCanary(d)),
    canary: all.filter((d) => isCanary(d) && d.alert.detector === STOPPED),
    events,
    ...(threw === undefined ? {} : { threw }),
  };
}

import { attemptOf, attemptSeverity, requestOnly } from './helpers/attempt.js';
import { baseEventName } from './helpers/event-name.js';
import { accountOf, principalForDedup } from './helpers/identity.js';

import type { CloudTrailEvent, Detector, DetectorContext, Finding, FindingDraft } from './types.js';

/** What an engine listens to: see {@link DetectorEngine.listening}. */
export interface Listening {
  /** Base event names some detector lists. */
  readonly names: ReadonlySet<string>;
  /** Event sources some detector listens to entirely. */
  readonly sources: ReadonlySet<string>;
  /** Detectors that listen to every event. */
  readonly everyEvent: readonly Detector[];
  /** The context their `rawHint`s are asked with. */
  readonly ctx: DetectorContext;
}

/** A detector threw on an event. Reported and counted; the other detectors still run. */
export class DetectorError extends Error {
  override readonly name = 'DetectorError';
  constructor(
    readonly detectorId: string,
    readonly eventId: string | undefined,
    options: { cause: unknown },
  ) {
    super(
      `detector ${detectorId} failed on event ${eventId ?? '(no eventID)'}: ${String((options.cause as Error)?.message ?? options.cause)}`,
      options,
    );
  }
}

interface Entry {
  readonly detector: Detector;
  /** `undefined` when the detector listens to every source for this name. */
  readonly eventSource: string | undefined;
}

/**
 * Runs detectors on events, dispatching through an index on event name so the
 * cost per event grows with the detectors that listen to it, not with the
 * catalog size. Event names are indexed without Lambda's version suffix.
 */
export class DetectorEngine {
  readonly detectors: readonly Detector[];
  private readonly byName = new Map<string, Entry[]>();
  private readonly bySourceOnly = new Map<string, Detector[]>();
  private readonly everyEvent: Detector[] = [];

  constructor(
    detectors: readonly Detector[],
    private readonly ctx: DetectorContext,
  ) {
    this.detectors = detectors;
    for (const detector of detectors) {
      for (const key of detector.listensTo) {
        const anySource = key.eventSource === '*';
        if (key.eventNames === '*') {
          if (anySource) this.everyEvent.push(detector);
          else pushTo(this.bySourceOnly, key.eventSource, detector);
          continue;
        }
        for (const name of key.eventNames) {
          pushTo(this.byName, baseEventName(name), {
            detector,
            eventSource: anySource ? undefined : key.eventSource,
          });
        }
      }
    }
  }

  /** True when at least one detector could match this event source and name. */
  listensTo(eventSource: string, eventName: string): boolean {
    if (this.everyEvent.length > 0 || this.bySourceOnly.has(eventSource)) return true;
    const entries = this.byName.get(baseEventName(eventName));
    return (
      entries?.some((e) => e.eventSource === undefined || e.eventSource === eventSource) ?? false
    );
  }

  /**
   * All findings for one event. A detector that throws is reported through
   * `onError` and skipped; it never stops the others.
   */
  /**
   * What the engine listens to, for `recordFilterFor` and `lazyReaderFor` (detectors/record-filter.ts),
   * which is kept out of this module so the Lambda bundles, which parse every
   * record, do not carry it.
   */
  get listening(): Listening {
    return {
      names: new Set(this.byName.keys()),
      sources: new Set(this.bySourceOnly.keys()),
      everyEvent: this.everyEvent,
      ctx: this.ctx,
    };
  }

  evaluate(event: CloudTrailEvent, onError?: (error: DetectorError) => void): Finding[] {
    const findings: Finding[] = [];
    const entries = this.byName.get(baseEventName(event.eventName));
    if (entries) {
      for (const entry of entries) {
        if (entry.eventSource !== undefined && entry.eventSource !== event.eventSource) continue;
        this.run(entry.detector, event, findings, onError);
      }
    }
    const sourceDetectors = this.bySourceOnly.get(event.eventSource);
    if (sourceDetectors) {
      for (const detector of sourceDetectors) this.run(detector, event, findings, onError);
    }
    for (const detector of this.everyEvent) this.run(detector, event, findings, onError);
    return findings;
  }

  private run(
    detector: Detector,
    event: CloudTrailEvent,
    findings: Finding[],
    onError: ((error: DetectorError) => void) | undefined,
  ): void {
    // Everything done for this detector on this event is inside the try: the event is
    // attacker-written, and whatever it trips (in `match` or in completing its draft)
    // must cost this one finding, never the rest of the file or the scan.
    try {
      if (event.eventType === 'AwsVpceEvent' && !detector.networkActivity) return;
      // A failed call reaches an attempts-reporting detector as its request alone, so
      // `match` judges what was tried and never mistakes the failure for a change made.
      const attempt = detector.outcome?.attempts ? attemptOf(event, detector.outcome) : undefined;
      if (attempt === 'ignored') return;
      const draft: FindingDraft | undefined = detector.match(
        attempt ? requestOnly(event) : event,
        this.ctx,
      );
      if (!draft) return;
      const finding = complete(detector, event, draft);
      findings.push(attempt ? asAttempt(detector, finding, attempt) : finding);
    } catch (cause) {
      onError?.(new DetectorError(detector.id, event.eventID ?? undefined, { cause }));
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function asAttempt(
  detector: Detector,
  finding: Finding,
  attempt: { readonly errorCode: string },
): Finding {
  return {
    ...finding,
    summary: `Attempted, failed with ${attempt.errorCode}: ${finding.summary}`,
    dedupKey: `${finding.dedupKey}|attempt`,
    severity: detector.outcome?.attemptSeverity ?? attemptSeverity(finding.severity),
    attempt,
  };
}

function complete(detector: Detector, event: CloudTrailEvent, draft: FindingDraft): Finding {
  const resources =
    draft.resources ??
    (event.resources ?? []).map((r) => r.ARN).filter((arn): arn is string => Boolean(arn));
  return {
    detector,
    event,
    summary: draft.summary,
    dedupKey:
      draft.dedupKey ??
      `${accountOf(event)}|${principalForDedup(event)}|${baseEventName(event.eventName)}`,
    resources,
    severity: draft.severity ?? detector.severity,
    ...(draft.distinctValue === undefined ? {} : { distinctValue: draft.distinctValue }),
    ...(draft.distinctValues === undefined ? {} : { distinctValues: draft.distinctValues }),
    ...(draft.firstSeenKey === undefined ? {} : { firstSeenKey: draft.firstSeenKey }),
  };
}

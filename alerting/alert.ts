import type { Severity } from '../detectors/types.js';

/** Bumped on any incompatible change to {@link Alert}; subscribers can branch on it. */
export const ALERT_SCHEMA_VERSION = 1;

/** A ready-to-run investigation for the alert (filled by the runbook layer). */
export interface InvestigateCommand {
  readonly query: string;
  readonly params: Readonly<Record<string, string>>;
  /** The full command line, every value shell-quoted. */
  readonly command: string;
}

/**
 * What on-call receives: the JSON contract of DESIGN.md, also the SNS message
 * body for machine subscribers. All strings that came from CloudTrail are kept as
 * data here; every output format sanitises them for its own medium.
 */
export interface Alert {
  readonly schemaVersion: typeof ALERT_SCHEMA_VERSION;
  /** Deterministic: the same detector, dedup key and window always give the same id. */
  readonly id: string;
  readonly detector: string;
  readonly title: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Every matching event the alert stands for, even beyond the `eventIds` cap. */
  readonly count: number;
  readonly account: string;
  readonly region: string;
  readonly principal: string;
  readonly sourceIp: string;
  readonly resources: readonly string[];
  /** Up to {@link MAX_EVENT_IDS} CloudTrail event ids, earliest first. */
  readonly eventIds: readonly string[];
  readonly dedupKey: string;
  readonly runbook: { readonly id: string; readonly title: string; readonly url: string };
  readonly investigate: readonly InvestigateCommand[];
  readonly attack: readonly string[];
  /**
   * Present (true) when evidence fields (summary, resources, eventIds, ...) were
   * shortened to fit a destination's size limit; `count` is never shortened.
   */
  readonly truncated?: boolean;
  /**
   * Storm alerts only: how many alerts of this detector were folded into this one
   * because the detector hit its per-flush alert cap. Nothing is dropped: their
   * events are in `count`.
   */
  readonly suppressedAlerts?: number;
}

/** An alert lists at most this many event ids; `count` keeps the true total. */
export const MAX_EVENT_IDS = 50;
/** An alert lists at most this many distinct resources. */
export const MAX_RESOURCES = 20;

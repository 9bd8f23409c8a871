import type { DetectorSettings, Severity } from '../../detectors/types.js';

/** Per-detector tuning from the config's `detectors:` map. */
export interface DetectorOverride {
  /** `false` removes the detector from the run. */
  readonly enabled?: boolean;
  /** Replaces the severity of every finding of the detector (per-event escalations included). */
  readonly severity?: Severity;
  readonly dedupWindowSeconds?: number;
  /** Merged into the detector's own threshold (`distinct` is kept). `count: 1` turns it off. */
  readonly threshold?: { readonly count?: number; readonly windowSeconds?: number };
}

/**
 * One suppression rule. It matches a finding when every field it gives matches
 * (lists: any entry). Suppressed findings never reach dedup or thresholds, and are
 * counted per rule.
 */
export interface Suppression {
  /** Given in the config, or `suppression-<n>` (1-based position). */
  readonly id: string;
  readonly reason: string;
  /** As written in the config (`2026-06-30` or an ISO date-time with a zone). */
  readonly expires?: string;
  /** Epoch ms from which the rule no longer applies (a bare date: the end of that day, UTC). */
  readonly expiresAt?: number;
  /** Detector ids, or `'*'` for every detector (the default). */
  readonly detectors: readonly string[] | '*';
  /** The account the event happened in (`recipientAccountId`). */
  readonly accounts?: readonly string[];
  /** `*` globs over the caller's ARN, its session issuer's ARN (the role), and the alert's principal. */
  readonly principals?: readonly string[];
  /** IPv4/IPv6 addresses and CIDR ranges, against `sourceIPAddress`. */
  readonly sourceIps?: readonly string[];
  /** Case-insensitive: a substring, or with `*` a glob over the whole user agent. */
  readonly userAgents?: readonly string[];
  /** `*` globs; every resource of the finding must match one (a finding with none never matches). */
  readonly resources?: readonly string[];
}

/** A validated config file. */
export interface TrailwatchConfig {
  readonly settings: DetectorSettings;
  /** Keyed by detector id; only ids of the catalog the config was validated against. */
  readonly detectors: ReadonlyMap<string, DetectorOverride>;
  readonly suppressions: readonly Suppression[];
  /**
   * AWS's ip-ranges.json to load (a path; relative to the working directory):
   * built into `settings.awsIpRanges` by the CLI and the Lambda handlers.
   */
  readonly awsIpRangesFile?: string;
}

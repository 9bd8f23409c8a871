import type { CloudTrailEvent } from '../ingest/cloudtrail-event.js';
import type { AwsIpRanges } from './helpers/aws-ip-ranges.js';
import type { LambdaSpikeSettings } from './metrics/spike-settings.js';

export type { CloudTrailEvent };

/** Alert severity, most to least urgent. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more urgent; used for `--min-severity` / `--fail-on` comparisons. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};

/**
 * The CloudTrail calls a detector listens to. The engine indexes detectors on
 * these keys, so a detector only sees events it can match. `eventNames` are API
 * names without Lambda's version suffix (`AddPermission` also matches
 * `AddPermission20150331v2`). `'*'` for either field means "every", and should be
 * rare: such detectors run on every event.
 */
export interface EventKey {
  readonly eventSource: string;
  readonly eventNames: readonly string[] | '*';
}

/**
 * Raise one alert only after `count` matching findings within `windowSeconds` for
 * the same dedup key. With `distinct`, count distinct values instead of findings
 * (e.g. 20 different secrets read, not 20 reads of one secret): each finding
 * brings its `FindingDraft.distinctValue` and every one of its `distinctValues`.
 */
export interface Threshold {
  readonly count: number;
  readonly windowSeconds: number;
  readonly distinct?: boolean;
}

/**
 * Alert only the first time a `FindingDraft.firstSeenKey` is seen (a principal
 * calling a sensitive API, a principal from a new source). Keys seen during the
 * first `learningDays` of data are learned silently, so the first scan of a month
 * of logs does not alert on every principal.
 */
export interface FirstSeen {
  readonly learningDays: number;
  /** How long a key stays known without being seen again. */
  readonly forgetAfterDays: number;
}

/** Operator settings detectors may consult: who is trusted. Validated by the config loader. */
export interface DetectorSettings {
  /** Accounts that belong to the organisation: not "foreign" for cross-account checks. */
  readonly trustedAccounts: readonly string[];
  /** Accounts whose published Lambda layers are trusted (beyond the function's own account). */
  readonly trustedLayerPublishers: readonly string[];
  /** AWS Organizations ids (`o-...`) that are ours: grants conditioned on them are not external. */
  readonly trustedOrganizationIds: readonly string[];
  /** Buckets that hold logs (CloudTrail, access logs): changes to them are more severe. */
  readonly logBuckets: readonly string[];
  /**
   * IAM role or user ARNs whose job is reading `logBuckets` (trailwatch's own ingest
   * role, a SIEM's forwarder): their reads of those buckets are not unusual volume.
   */
  readonly logReaders: readonly string[];
  /** Regions the organisation uses; empty means "no opinion" (region detectors stay quiet). */
  readonly allowedRegions: readonly string[];
  /**
   * Buckets meant to be read only through CloudFront (origin access control or an
   * origin access identity): S3 access logs showing anyone else reading them raise
   * `s3-cloudfront-origin-bypassed`. Empty: that detector stays quiet.
   */
  readonly cloudFrontOnlyBuckets: readonly string[];
  /**
   * Canonical user ids of CloudFront origin access identities (legacy OAI) that
   * read those buckets; origin access control is recognised without configuration.
   */
  readonly cloudFrontOriginAccessIdentities: readonly string[];
  /** Tuning of `lambda-invocation-spike` (defaults, per-function overrides); absent: defaults. */
  readonly lambdaSpikes?: LambdaSpikeSettings;
  /**
   * AWS's published address ranges (ip-ranges.json), built once by the CLI or the
   * Lambda handler from a file (`awsIpRangesFile`, `trailwatch ip-ranges update`).
   * Absent: detectors that tell AWS addresses from others stay quiet.
   */
  readonly awsIpRanges?: AwsIpRanges;
}

export const DEFAULT_SETTINGS: DetectorSettings = {
  trustedAccounts: [],
  trustedLayerPublishers: [],
  trustedOrganizationIds: [],
  logBuckets: [],
  logReaders: [],
  allowedRegions: [],
  cloudFrontOnlyBuckets: [],
  cloudFrontOriginAccessIdentities: [],
};

/** What a detector sees besides the event: settings only. No clock, no I/O. */
export interface DetectorContext {
  readonly settings: DetectorSettings;
}

/** What a detector's `match` returns when the event is a hit. The engine completes it into a {@link Finding}. */
export interface FindingDraft {
  /** One sentence for humans: what happened, built from event fields (sanitised later by alerting). */
  readonly summary: string;
  /**
   * Groups findings into one alert. Build it from stable security dimensions
   * (account, principal without session name, target resource), never from fields
   * an attacker can vary freely. Defaults to account + principal + event name.
   */
  readonly dedupKey?: string;
  /** ARNs or names of what was acted on. */
  readonly resources?: readonly string[];
  /** Overrides the detector's severity for this event (e.g. root console login). */
  readonly severity?: Severity;
  /** With `threshold.distinct`: the value counted (secret id, instance id, bucket). */
  readonly distinctValue?: string;
  /**
   * With `threshold.distinct`: several values one call acted on (the instances of
   * one SendCommand, the names of one GetParameters), each counted as if it came
   * alone; the finding itself still counts once in the alert's `count`. Given
   * with `distinctValue`, both count (their union). Empty strings and non-strings
   * are ignored; a finding left with no value counts as the shared "no value".
   */
  readonly distinctValues?: readonly string[];
  /** With `firstSeen`: the key whose first appearance alerts (e.g. `principal|eventName`). */
  readonly firstSeenKey?: string;
}

/**
 * Which outcomes of a call a detector reports. Without it the detector's `match`
 * sees every event and decides alone (most report successes only, through
 * `succeeded`). With `attempts: true`, a call that failed (`errorCode`, a console
 * `Failure`) is a finding too: the engine hands `match` the request alone, as if
 * the call had succeeded (no error, no response), and a hit becomes an attempt:
 * its summary says the call failed and with which code, its dedup key is
 * apart from successes, and its severity is `attemptSeverity` (default one level
 * below the success's). For tamper, escape and persistence calls, where an
 * attacker probing stolen credentials fails first.
 */
export interface OutcomePolicy {
  readonly attempts: boolean;
  readonly attemptSeverity?: Severity;
  /**
   * Which failures are attempts: `denied` (default) only calls refused for lack of
   * permission (AccessDenied…, …UnauthorizedOperation, …); `all` any failure (a
   * capacity error on a GPU launch still shows intent). Other failures report nothing.
   */
  readonly failures?: 'denied' | 'all';
}

/** Static, typed description of a detector: the data side of a detector file. */
export interface DetectorMeta {
  /** Kebab-case, stable, equal to the file name. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why this matters and what commonly causes benign hits. */
  readonly description: string;
  /** MITRE ATT&CK technique ids, e.g. `T1562.008`. */
  readonly attack: readonly string[];
  /** CIS / Security Hub control ids (`CIS 5.5`, `CloudWatch.5`) and AWS documentation URLs. */
  readonly references: readonly string[];
  /** Id of the runbook in `runbooks/` to follow when this fires. */
  readonly runbook: string;
  /** Findings with the same dedup key within this many seconds become one alert. */
  readonly dedupWindowSeconds: number;
  readonly threshold?: Threshold;
  readonly firstSeen?: FirstSeen;
  /**
   * True when the detector judges VPC endpoint network activity events
   * (`eventType: AwsVpceEvent`). Those repeat a call's `eventName` without its
   * request or response, so every other detector never sees them: a detector
   * about `PutBucketPolicy` must not read a missing policy as an empty one.
   */
  readonly networkActivity?: boolean;
  /** Failed calls reported as attempts; see {@link OutcomePolicy}. Absent: `match` alone decides. */
  readonly outcome?: OutcomePolicy;
  readonly listensTo: readonly EventKey[];
}

/** A worked example shipped with a detector: events that must, or must not, raise its alert. */
export interface DetectorExample {
  readonly name: string;
  /** One event, or several for threshold detectors (all inside the window). */
  readonly events: readonly CloudTrailEvent[];
  /** Settings the case needs, e.g. a trusted account. */
  readonly settings?: Partial<DetectorSettings>;
}

/**
 * A detector's examples, kept in `<id>.examples.ts` beside the detector (so they
 * never weigh on Lambda bundles) and run by `trailwatch test-detectors`.
 */
export interface DetectorExamples {
  readonly fire: readonly DetectorExample[];
  readonly noFire: readonly DetectorExample[];
}

/**
 * Byte-level conditions on a record (see {@link Detector.rawHint}); all given ones must hold.
 * Records holding a backslash are always parsed, so escapes need no thought here.
 */
export interface RawHint {
  /**
   * Byte strings the record must all contain, as CloudTrail writes them. The first
   * is searched over whole files: pick one that is rare and starts with a rare byte.
   * An entry that is a list is satisfied by any one of its strings (a marker that
   * has two spellings, or two markers either of which identifies the record).
   */
  readonly contains?: readonly (string | readonly string[])[];
  /**
   * A key whose values are tested: some `"<key>":"<value>"` must pass (raw latin1
   * text; ASCII as written). An occurrence whose value is not a string always passes.
   */
  readonly value?: { readonly key: string; readonly test: (value: string) => boolean };
}

/** A detector: metadata plus one pure predicate. */
export interface Detector extends DetectorMeta {
  /** Returns a draft when the event is a hit, `undefined` otherwise. Must not throw on odd input. */
  match(event: CloudTrailEvent, ctx: DetectorContext): FindingDraft | undefined;
  /**
   * For detectors that listen to every event: what a record's raw JSON bytes must
   * show for `match` to possibly return a draft under these settings, so a scan can
   * leave most records unparsed (`recordFilterFor` in detectors/record-filter.ts). `'never'`: it cannot
   * match at all (e.g. an unset setting). Must be conservative: a record `match`
   * would report must always pass. Without it, every record is parsed.
   */
  rawHint?(ctx: DetectorContext): RawHint | 'never';
}

/** A detector hit on one event, as the engine hands it to alerting. */
export interface Finding {
  readonly detector: Detector;
  readonly event: CloudTrailEvent;
  readonly summary: string;
  readonly dedupKey: string;
  readonly resources: readonly string[];
  readonly severity: Severity;
  readonly distinctValue?: string;
  /** As the draft gave them; see {@link FindingDraft.distinctValues}. */
  readonly distinctValues?: readonly string[];
  readonly firstSeenKey?: string;
  /** Set when the call failed and the detector reports attempts: the error CloudTrail logged. */
  readonly attempt?: { readonly errorCode: string };
}

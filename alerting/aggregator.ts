import { type Detector, type Finding, SEVERITY_RANK, type Severity } from '../detectors/types.js';
import type { Alert } from './alert.js';
import { alertFromGroup } from './alert-builder.js';
import { higher, needsNotification } from './alert-group.js';
import { byUrgency, compareText } from './alert-order.js';
import { distinctKeysOf } from './distinct-value.js';
import { AlertStateConflictError, AlertStateStoreError } from './errors.js';
import {
  boundedDedupKey,
  eventIdentityOf,
  eventTimeOf,
  resourcesOf,
  sampleOf,
} from './finding-sample.js';
import {
  type Fingerprint,
  FingerprintSet,
  fingerprintOf,
  fingerprintToHex,
} from './fingerprint.js';
import { FirstSeenTracker, keyMarkId } from './first-seen.js';
import { InMemoryAlertStateStore } from './in-memory-state-store.js';
import { KeyBudget } from './key-budget.js';
import {
  applyFinding,
  countOf,
  emptyKeyState,
  expiresAtOf,
  type GroupOrigin,
  pendingId,
  pruneKeyState,
  rebaseKeyState,
} from './key-state.js';
import { runLimited } from './run-limited.js';
import {
  type EvictionStats,
  evictionRank,
  isSevere,
  limitsOf,
  noEvictions,
  RANK_FREE,
  type StateLimits,
} from './state-eviction.js';
import type { AlertGroup, AlertStateStore, KeyRef, KeyState, MarkUpdate } from './state-store.js';
import { StormAccumulator } from './storm.js';
import { type WindowConfig, windowConfigOf } from './window-config.js';

export interface AlertAggregatorOptions {
  /** Where state lives between flushes. Default: a new {@link InMemoryAlertStateStore}. */
  readonly store?: AlertStateStore;
  /** Most alerts one detector may return per flush; the rest fold into one storm alert. Default 100. */
  readonly maxAlertsPerDetector?: number;
  /** How long (event time) a closed window is kept for late and redelivered events. Default 3600. */
  readonly allowedLatenessSeconds?: number;
  /** Base URL of rendered runbooks (alerts link to `<base>/<id>.md`). */
  readonly runbookBaseUrl?: string;
  /** Findings processed per store round trip. Default 1000. */
  readonly bufferSize?: number;
  /** Conditional-write attempts per key at commit before giving up. Default 5. */
  readonly maxCommitAttempts?: number;
  /** The batch's memory bound (state-eviction.ts); each limit defaults to `DEFAULT_STATE_LIMITS`. */
  readonly limits?: Partial<StateLimits>;
}

/** Counts since the last commit (for a CLI scan: the whole run). */
export interface AggregationStats {
  /** Findings received. */
  readonly findings: number;
  /** Findings not counted again: the same event (eventID + account) was already counted for that detector. */
  readonly duplicates: number;
  /** Findings whose `eventTime` was not a date; counted at epoch 0 rather than dropped. */
  readonly invalidEventTimes: number;
  /** Alerts returned by this flush, storm alerts included. */
  readonly alerts: number;
  /** Alerts folded into storm alerts because a detector reached `maxAlertsPerDetector`. */
  readonly suppressedAlerts: number;
  /** Findings of threshold detectors held below their threshold (no alert), and over how many keys. */
  readonly belowThreshold: { readonly findings: number; readonly keys: number };
  /** Findings of first-seen detectors inside their learning period: key recorded, no alert. */
  readonly learned: number;
  /** Findings of first-seen detectors whose key was already known: key refreshed, no alert. */
  readonly alreadyKnown: number;
  /** What was evicted to stay within the state limits (absent: nothing, or not aggregated). */
  readonly evicted?: EvictionStats;
}

export interface FlushResult {
  /** Severity first (critical first), then earliest first. */
  readonly alerts: readonly Alert[];
  readonly stats: AggregationStats;
}

const DEFAULTS = {
  maxAlertsPerDetector: 100,
  allowedLatenessSeconds: 3600,
  bufferSize: 1000,
  maxCommitAttempts: 5,
} as const;

/** Chunk size for seen and first-seen marks written at commit. */
const MARK_CHUNK = 5000;
/** Keys persisted concurrently at commit. */
const COMMIT_CONCURRENCY = 16;

interface Entry {
  readonly key: string;
  readonly ref: KeyRef;
  readonly detector: Detector;
  readonly cfg: WindowConfig;
  readonly version: number;
  readonly state: KeyState;
  /** The groups as loaded, to merge only this batch's difference after a conflict. */
  readonly origins: ReadonlyMap<AlertGroup, GroupOrigin>;
  /** Held entries as loaded (id → findings counted), for the same merge. */
  readonly basePending: ReadonlyMap<string, number>;
  /** Events counted for this key in this batch; created on the first (most keys never need one). */
  fingerprints: FingerprintSet | undefined;
  dirty: boolean;
  /** Findings counted into this key in this batch, and how many of them were high or critical. */
  added: number;
  severe: number;
  /** First-seen marks whose `new` finding came here: forgotten if the entry is evicted. */
  markIds?: string[];
}

const NO_ORIGINS: ReadonlyMap<AlertGroup, GroupOrigin> = new Map();
const NO_PENDING: ReadonlyMap<string, number> = new Map();

interface Prepared {
  readonly finding: Finding;
  readonly key: string;
  readonly ref: KeyRef;
  readonly cfg: WindowConfig;
  readonly fingerprint: Fingerprint | undefined;
  /** Distinct thresholds: the stored forms of the finding's distinct values. */
  readonly values: readonly string[] | undefined;
  /** First-seen detectors: the store id of `finding.firstSeenKey`. */
  readonly markId: string | undefined;
  seenBefore: boolean;
}

interface Emitted {
  readonly entry: Entry;
  readonly group: AlertGroup;
  readonly severity: Severity;
}

/**
 * Turns findings into alerts: one alert per detector + dedup key + window (event
 * time), thresholds (of findings, or of distinct values), first-seen keys,
 * redelivered events counted once, and a per-detector cap with a storm alert for
 * the rest. Memory grows with the number of keys and windows, not with the number
 * of findings (plus 16 bytes per distinct event, to recognise redeliveries, and
 * one small record per first-seen key the batch touched), and all three are
 * capped by `limits`: past a cap, keys without an alert due are evicted in the
 * order of state-eviction.ts and counted in `stats.evicted`.
 *
 * First-seen detectors (see `first-seen.ts`): a finding whose `firstSeenKey` was
 * learned or is known stops there; one with a new key goes through dedup windows
 * and thresholds like any finding. A first-seen finding without a `firstSeenKey`
 * is not filtered (it alerts rather than vanish).
 *
 * One batch is `add`* → `flush` → publish → `commit(publishedIds)`:
 * - CLI: add every finding of the scan, flush once, print, commit (or just exit).
 * - Lambda: one aggregator per invocation over a shared store; add the batch's
 *   findings, flush, publish, commit the ids that were published. State (counts,
 *   seen events, which alerts went out) is persisted only by `commit`, so a crash
 *   before it replays the whole batch and yields the same alert ids. An alert that
 *   failed to publish stays due and is returned again by the next flush that
 *   touches its key (a redelivered batch does). First-seen marks are written after
 *   the key state, so a replay after a crash between the two still finds the
 *   unpublished alert in the key state, and a redelivered event re-marks its key.
 *
 * A group already published is not returned again for new findings (its count
 * keeps growing in state) unless its severity rises: the escalation is returned
 * as an alert with its own id.
 */
export class AlertAggregator {
  private readonly store: AlertStateStore;
  private readonly options: Required<
    Omit<AlertAggregatorOptions, 'store' | 'runbookBaseUrl' | 'limits'>
  >;
  private readonly runbookBaseUrl: string | undefined;
  private readonly configs = new Map<string, WindowConfig>();
  private readonly entries = new Map<string, Entry>();
  private buffer: Finding[] = [];
  private chain: Promise<void> = Promise.resolve();
  private emitted = new Map<string, readonly Emitted[]>();
  private watermark = Number.NEGATIVE_INFINITY;
  private counts = emptyCounts();
  private readonly firstSeen: FirstSeenTracker;
  private readonly limits: StateLimits;
  private readonly budget: KeyBudget;
  private evicted = noEvictions();
  /** Fingerprints held by this batch's entries. */
  private fingerprintCount = 0;

  constructor(options: AlertAggregatorOptions = {}) {
    this.store = options.store ?? new InMemoryAlertStateStore();
    this.runbookBaseUrl = options.runbookBaseUrl;
    this.options = {
      maxAlertsPerDetector: positive(options.maxAlertsPerDetector, DEFAULTS.maxAlertsPerDetector),
      allowedLatenessSeconds: Math.max(
        0,
        options.allowedLatenessSeconds ?? DEFAULTS.allowedLatenessSeconds,
      ),
      bufferSize: positive(options.bufferSize, DEFAULTS.bufferSize),
      maxCommitAttempts: positive(options.maxCommitAttempts, DEFAULTS.maxCommitAttempts),
    };
    this.limits = limitsOf(options.limits);
    this.budget = new KeyBudget(this.limits.maxKeys, this.limits.maxKeysPerDetector);
    this.firstSeen = new FirstSeenTracker((ids) =>
      this.guard('read first-seen marks', () => this.store.getMarks(ids)),
    );
  }

  /**
   * Queues one finding. Await it: every `bufferSize` findings it reads the store,
   * and a store failure rejects here (and on every later call: start the batch over).
   */
  add(finding: Finding): Promise<void> {
    this.buffer.push(finding);
    return this.buffer.length >= this.options.bufferSize ? this.drain() : this.chain;
  }

  async addAll(findings: Iterable<Finding>): Promise<void> {
    for (const finding of findings) await this.add(finding);
  }

  /**
   * The alerts due now: groups never published, or escalated since. Nothing is
   * persisted; call {@link commit} with the ids that were published.
   */
  async flush(): Promise<FlushResult> {
    await this.drain();
    const cap = this.options.maxAlertsPerDetector;
    const byDetector = new Map<string, { kept: Emitted[]; storm: StormAccumulator }>();
    const stormMembers = new Map<string, Emitted[]>();
    let held = 0;
    let heldKeys = 0;
    for (const entry of this.entries.values()) {
      if (entry.state.pending.length > 0) {
        for (const p of entry.state.pending) held += countOf(p);
        heldKeys += 1;
      }
      for (const group of entry.state.groups) {
        if (!needsNotification(group)) continue;
        let bucket = byDetector.get(entry.detector.id);
        if (!bucket) {
          bucket = { kept: [], storm: new StormAccumulator(entry.detector, cap) };
          byDetector.set(entry.detector.id, bucket);
        }
        const overflow = keepTop(bucket.kept, { entry, group, severity: group.severity }, cap);
        if (overflow) {
          bucket.storm.add(overflow.entry.ref.dedupKey, overflow.group);
          const members = stormMembers.get(entry.detector.id) ?? [];
          members.push(overflow);
          stormMembers.set(entry.detector.id, members);
        }
      }
    }
    const alerts: Alert[] = [];
    const emitted = new Map<string, readonly Emitted[]>();
    let suppressedAlerts = 0;
    const build = { runbookBaseUrl: this.runbookBaseUrl };
    for (const [detectorId, bucket] of byDetector) {
      for (const item of bucket.kept) {
        const alert = alertFromGroup(
          item.entry.detector,
          item.entry.ref.dedupKey,
          item.group,
          build,
        );
        alerts.push(alert);
        emitted.set(alert.id, [item]);
      }
      if (bucket.storm.alerts > 0) {
        const alert = bucket.storm.toAlert(build);
        alerts.push(alert);
        emitted.set(alert.id, stormMembers.get(detectorId) ?? []);
        suppressedAlerts += bucket.storm.alerts;
      }
    }
    this.emitted = emitted;
    alerts.sort(byUrgency);
    return {
      alerts,
      stats: {
        ...this.counts,
        alerts: alerts.length,
        suppressedAlerts,
        belowThreshold: { findings: held, keys: heldKeys },
        evicted: { ...this.evicted },
      },
    };
  }

  /**
   * Persists the batch: counts, held findings, seen events, which of the last
   * flush's alerts were published (`publishedIds`; a storm alert id covers every
   * alert folded into it), then first-seen keys and learning starts. Alerts not
   * listed stay due. Starts a new batch.
   * Throws {@link AlertStateConflictError} if a key kept conflicting (the other keys
   * are committed): report the batch as failed so it is redelivered.
   */
  async commit(publishedIds: Iterable<string>): Promise<void> {
    await this.drain();
    for (const id of publishedIds) {
      for (const item of this.emitted.get(id) ?? []) {
        item.group.notified = higher(item.group.notified, item.severity);
        item.entry.dirty = true;
      }
    }
    const conflicts: AlertStateConflictError[] = [];
    const failed = new Set<string>();
    const dirty = [...this.entries.values()].filter((e) => e.dirty);
    await runLimited(dirty, COMMIT_CONCURRENCY, async (entry) => {
      const conflict = await this.persist(entry);
      if (conflict) {
        conflicts.push(conflict);
        failed.add(entry.key);
      }
    });
    await this.putMarks(this.firstSeen.updates(failed));
    if (Number.isFinite(this.watermark)) {
      await this.guard('expire state', () => this.store.expire(Math.floor(this.watermark / 1000)));
    }
    this.entries.clear();
    this.budget.clear();
    this.fingerprintCount = 0;
    this.evicted = noEvictions();
    this.firstSeen.clear();
    this.emitted = new Map();
    this.counts = emptyCounts();
    if (conflicts[0]) throw conflicts[0];
  }

  private drain(): Promise<void> {
    if (this.buffer.length > 0) {
      const items = this.buffer;
      this.buffer = [];
      this.chain = this.chain.then(() => this.process(items));
    }
    return this.chain;
  }

  private async process(findings: readonly Finding[]): Promise<void> {
    const prepared = findings.map((finding) => this.prepare(finding));
    await this.load(prepared);
    const unknown = prepared.filter(
      (p) => p.fingerprint && !this.entryOf(p).fingerprints?.has(p.fingerprint),
    );
    if (unknown.length > 0) {
      const hex = unknown.map((p) => fingerprintToHex(p.fingerprint as Fingerprint));
      const seen = await this.guard('read seen events', () => this.store.seen(hex));
      unknown.forEach((p, i) => {
        p.seenBefore = seen[i] === true;
      });
    }
    const firstSeen = prepared.filter((p) => p.markId !== undefined);
    if (firstSeen.length > 0) {
      await this.firstSeen.load(
        firstSeen.map((p) => p.ref.detectorId),
        firstSeen.map((p) => p.markId as string),
      );
    }
    for (const p of prepared) this.apply(p);
    this.trim();
  }

  /**
   * Keeps the batch within its limits (state-eviction.ts): evicts keys without
   * an alert due, lowest rank first. A key that counted nothing this batch
   * (learned, known or duplicate findings only; state as loaded) and has no
   * alert due is dropped first and free: the store still has it. Evicted work is
   * counted.
   */
  private trim(): void {
    this.evicted.firstSeenMarks += this.firstSeen.trim(this.limits.maxFirstSeenMarks);
    if (!this.budget.needsTrim()) return;
    const victims = this.budget.victims(
      this.entries.values(),
      (entry) => entry.ref.detectorId,
      (entry) => {
        // An alert due from an earlier batch (its publish failed) stays, counted or not.
        const rank = evictionRank(entry.state);
        return rank === undefined || entry.dirty ? rank : RANK_FREE;
      },
    );
    for (const entry of victims) {
      this.entries.delete(entry.key);
      this.budget.remove(entry.ref.detectorId);
      this.fingerprintCount -= entry.fingerprints?.size ?? 0;
      for (const id of entry.markIds ?? []) this.firstSeen.forget(id);
      if (entry.added === 0) continue;
      this.evicted.keys += 1;
      this.evicted.findings += entry.added;
      this.evicted.severeFindings += entry.severe;
    }
  }

  private prepare(finding: Finding): Prepared {
    const dedupKey = boundedDedupKey(finding.dedupKey);
    const identity = eventIdentityOf(finding);
    const cfg = this.configOf(finding.detector);
    const firstSeenKey: unknown = finding.firstSeenKey;
    return {
      finding,
      key: `${finding.detector.id}\u0000${dedupKey}`,
      ref: { detectorId: finding.detector.id, dedupKey },
      cfg,
      fingerprint: identity === undefined ? undefined : fingerprintOf(identity),
      values: cfg.threshold?.distinct
        ? distinctKeysOf(finding, cfg.threshold.distinctCap)
        : undefined,
      markId:
        cfg.firstSeen && typeof firstSeenKey === 'string' && firstSeenKey.length > 0
          ? keyMarkId(finding.detector.id, firstSeenKey)
          : undefined,
      seenBefore: false,
    };
  }

  private async load(prepared: readonly Prepared[]): Promise<void> {
    const missing = new Map<string, Prepared>();
    for (const p of prepared)
      if (!this.entries.has(p.key) && !missing.has(p.key)) missing.set(p.key, p);
    await runLimited([...missing.values()], COMMIT_CONCURRENCY, async (p) => {
      const stored = await this.guard('read state', () => this.store.get(p.ref));
      const state = stored ? structuredClone(stored.state) : emptyKeyState();
      this.entries.set(p.key, {
        key: p.key,
        ref: p.ref,
        detector: p.finding.detector,
        cfg: p.cfg,
        version: stored?.version ?? 0,
        state,
        origins:
          state.groups.length === 0
            ? NO_ORIGINS
            : new Map(state.groups.map((g) => [g, { start: g.start, count: g.count }])),
        basePending:
          state.pending.length === 0
            ? NO_PENDING
            : new Map(state.pending.map((h) => [pendingId(h), countOf(h)])),
        fingerprints: undefined,
        dirty: false,
        added: 0,
        severe: 0,
      });
      this.budget.add(p.ref.detectorId);
    });
  }

  private apply(p: Prepared): void {
    this.counts.findings += 1;
    const entry = this.entryOf(p);
    // Most recently used last: the order eviction reads keys in.
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    const validTime = eventTimeOf(p.finding);
    const duplicate =
      p.fingerprint !== undefined && (p.seenBefore || !this.remember(entry, p.fingerprint));
    // A redelivered event still re-marks its key: its first commit may have
    // stopped before the marks were written.
    const verdict =
      p.markId === undefined || !entry.cfg.firstSeen
        ? 'new'
        : this.firstSeen.judge(
            p.ref.detectorId,
            entry.cfg.firstSeen,
            p.markId,
            validTime,
            duplicate ? undefined : entry.key,
          );
    if (duplicate) {
      this.counts.duplicates += 1;
      return;
    }
    let time = validTime;
    if (time === undefined) {
      this.counts.invalidEventTimes += 1;
      time = 0;
    } else {
      this.watermark = Math.max(this.watermark, time);
    }
    if (verdict === 'learned') {
      this.counts.learned += 1;
      return;
    }
    if (verdict === 'known') {
      this.counts.alreadyKnown += 1;
      return;
    }
    const sample = sampleOf(p.finding, time);
    applyFinding(entry.state, entry.cfg, sample, resourcesOf(p.finding), p.values);
    entry.dirty = true;
    entry.added += 1;
    if (isSevere(sample.severity)) entry.severe += 1;
    if (verdict === 'new' && p.markId !== undefined && !entry.markIds?.includes(p.markId)) {
      entry.markIds = [...(entry.markIds ?? []), p.markId];
    }
  }

  /**
   * Records that `entry` counted the event; false if it already had. Past
   * `maxFingerprints` an event is still counted but not remembered (a
   * redelivery of it would count again: more, never fewer).
   */
  private remember(entry: Entry, fingerprint: Fingerprint): boolean {
    if (entry.fingerprints?.has(fingerprint)) return false;
    if (this.fingerprintCount >= this.limits.maxFingerprints) {
      this.evicted.unmarkedEvents += 1;
      return true;
    }
    entry.fingerprints ??= new FingerprintSet();
    entry.fingerprints.add(fingerprint);
    this.fingerprintCount += 1;
    return true;
  }

  /** Writes one key with a version condition; on conflict merges into the fresh state and retries. */
  private async persist(entry: Entry): Promise<AlertStateConflictError | undefined> {
    if (Number.isFinite(this.watermark)) pruneKeyState(entry.state, entry.cfg, this.watermark);
    let state = entry.state;
    let version = entry.version;
    for (let attempt = 1; attempt <= this.options.maxCommitAttempts; attempt++) {
      const expiresAt = Math.max(0, Math.ceil(expiresAtOf(state, entry.cfg) / 1000));
      const written = await this.guard('write state', () =>
        this.store.put(entry.ref, state, version, expiresAt),
      );
      if (written !== undefined) {
        await this.markSeen(entry.fingerprints, expiresAt);
        return undefined;
      }
      const fresh = await this.guard('read state', () => this.store.get(entry.ref));
      state = rebaseKeyState(
        fresh?.state ?? emptyKeyState(),
        entry.state,
        entry.origins,
        entry.basePending,
        entry.cfg,
      );
      version = fresh?.version ?? 0;
    }
    return new AlertStateConflictError(
      entry.ref.detectorId,
      entry.ref.dedupKey,
      this.options.maxCommitAttempts,
    );
  }

  private async putMarks(updates: Iterable<MarkUpdate>): Promise<void> {
    let chunk: MarkUpdate[] = [];
    for (const update of updates) {
      chunk.push(update);
      if (chunk.length >= MARK_CHUNK) {
        const marks = chunk;
        chunk = [];
        await this.guard('write first-seen marks', () => this.store.putMarks(marks));
      }
    }
    if (chunk.length > 0) {
      const marks = chunk;
      await this.guard('write first-seen marks', () => this.store.putMarks(marks));
    }
  }

  private async markSeen(
    fingerprints: FingerprintSet | undefined,
    expiresAt: number,
  ): Promise<void> {
    if (!fingerprints) return;
    let chunk: string[] = [];
    for (const fp of fingerprints) {
      chunk.push(fingerprintToHex(fp));
      if (chunk.length >= MARK_CHUNK) {
        const marks = chunk;
        chunk = [];
        await this.guard('mark events seen', () => this.store.markSeen(marks, expiresAt));
      }
    }
    if (chunk.length > 0) {
      await this.guard('mark events seen', () => this.store.markSeen(chunk, expiresAt));
    }
  }

  private entryOf(p: Prepared): Entry {
    return this.entries.get(p.key) as Entry;
  }

  private configOf(detector: Detector): WindowConfig {
    let cfg = this.configs.get(detector.id);
    if (!cfg) {
      cfg = windowConfigOf(detector, this.options.allowedLatenessSeconds);
      this.configs.set(detector.id, cfg);
    }
    return cfg;
  }

  private async guard<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (cause) {
      throw new AlertStateStoreError(operation, { cause });
    }
  }
}

/**
 * Keeps `kept` as the `cap` most urgent (sorted); returns what fell out, if anything.
 * Bounded insertion: a flood of distinct keys costs O(cap) per group, never a sort of all.
 */
function keepTop(kept: Emitted[], item: Emitted, cap: number): Emitted | undefined {
  const last = kept[kept.length - 1];
  if (kept.length >= cap && last && compareEmitted(item, last) >= 0) return item;
  let at = kept.length;
  while (at > 0 && compareEmitted(item, kept[at - 1] as Emitted) < 0) at -= 1;
  kept.splice(at, 0, item);
  return kept.length > cap ? kept.pop() : undefined;
}

function compareEmitted(a: Emitted, b: Emitted): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.group.firstSeen - b.group.firstSeen ||
    compareText(a.entry.ref.dedupKey, b.entry.ref.dedupKey) ||
    a.group.start - b.group.start
  );
}

function emptyCounts() {
  return { findings: 0, duplicates: 0, invalidEventTimes: 0, learned: 0, alreadyKnown: 0 };
}

function positive(value: number | undefined, fallback: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

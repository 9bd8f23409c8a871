import { createHash } from 'node:crypto';
import { lowWater } from './state-eviction.js';
import type { MarkUpdate, StoredMark } from './state-store.js';
import type { FirstSeenConfig } from './window-config.js';

/**
 * First-seen detectors alert only on keys they have not seen (a principal from a
 * new network). This tracks, for one batch, what the store knew and what the
 * batch saw; the aggregator writes it back at commit, after the key state.
 *
 * - Learning starts at the event time of the first finding of the detector the
 *   store ever recorded (for a fresh store: the first one this batch processes).
 *   Findings before `start + learningMs` only teach their key: `learned`.
 * - Later, a key with a live mark is `known` (its mark is extended); any other is
 *   `new` and goes on to dedup windows and thresholds like any finding.
 * - A key's mark lives `forgetMs` past its latest sighting (event time), so a key
 *   unused that long alerts again.
 *
 * Out of order input (the CLI reads files in path order, time-ordered per account
 * and region only) is judged in processing order: a key counts as seen once any
 * earlier-processed finding had it, whatever their event times, so each new key
 * alerts once, possibly on a later event than its first. A finding dated before
 * the learning start is inside the learning period. Forgetting compares a
 * finding's time with the latest sighting, so an older repeat never makes a key
 * new. A finding without a valid event time can be placed neither in learning
 * nor in forgetting: it is `known` if the key has any mark, otherwise `new`, and
 * teaches nothing.
 */

export type FirstSeenVerdict = 'learned' | 'known' | 'new';

/** Reads marks from the store (the aggregator wraps errors). */
export type MarkReader = (ids: readonly string[]) => Promise<readonly (StoredMark | undefined)[]>;

const DAY_MS = 24 * 3600 * 1000;

/** The store id of a first-seen key: its SHA-256 (128 bits), so chosen keys cannot merge. */
export function keyMarkId(detectorId: string, key: string): string {
  return `first-seen#${detectorId}#${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** The store id of a detector's learning start. */
export function learningMarkId(detectorId: string): string {
  return `learning#${detectorId}`;
}

interface KeyMark {
  /** Expiry as read from the store (epoch s), if it had the mark. */
  readonly stored: number | undefined;
  /** Latest expiry known, epoch ms of event time; -Infinity when none. */
  expiresAt: number;
  /** Earliest sighting in this batch, epoch ms. */
  first: number;
  /** A stored expiry within this much of ours is not rewritten: fewer writes. */
  slackMs: number;
  /** Entries (dedup keys) the key's `new` findings went to; the mark waits on their commit. */
  entries?: string[];
}

interface Learning {
  /** Epoch ms, whole seconds (what the store keeps), so a replay decides alike. */
  readonly start: number;
  readonly stored: boolean;
}

/** One batch's first-seen knowledge; see the module comment for the rules. */
export class FirstSeenTracker {
  private readonly marks = new Map<string, KeyMark>();
  /** Per detector: its learning start, or `undefined` when the store had none yet. */
  private readonly learning = new Map<string, Learning | undefined>();

  constructor(private readonly read: MarkReader) {}

  /** Reads, once per batch, the learning starts and key marks not known yet. */
  async load(detectorIds: Iterable<string>, markIds: Iterable<string>): Promise<void> {
    const learningIds = new Map<string, string>();
    for (const id of detectorIds) {
      if (!this.learning.has(id)) learningIds.set(learningMarkId(id), id);
    }
    const keyIds = new Set<string>();
    for (const id of markIds) if (!this.marks.has(id)) keyIds.add(id);
    const ids = [...learningIds.keys(), ...keyIds];
    if (ids.length === 0) return;
    const stored = await this.read(ids);
    ids.forEach((id, i) => {
      const mark = stored[i];
      const detectorId = learningIds.get(id);
      if (detectorId !== undefined) {
        const since = finite(mark?.since);
        this.learning.set(
          detectorId,
          since === undefined ? undefined : { start: since * 1000, stored: true },
        );
        return;
      }
      const expiresAt = finite(mark?.expiresAt);
      this.marks.set(id, {
        stored: expiresAt,
        expiresAt: expiresAt === undefined ? Number.NEGATIVE_INFINITY : expiresAt * 1000,
        first: Number.POSITIVE_INFINITY,
        slackMs: 0,
      });
    });
  }

  /**
   * Judges one finding and records its sighting. `time` is its event time (ms),
   * `undefined` when it had none. `entry` names where a `new` finding goes, so its
   * mark is written only if that entry is; omit it to record a sighting only (a
   * redelivered event).
   */
  judge(
    detectorId: string,
    cfg: FirstSeenConfig,
    markId: string,
    time: number | undefined,
    entry?: string,
  ): FirstSeenVerdict {
    let mark = this.marks.get(markId);
    if (mark) {
      // Least recently sighted first in the map: the order `trim` evicts in.
      this.marks.delete(markId);
    } else {
      mark = {
        stored: undefined,
        expiresAt: Number.NEGATIVE_INFINITY,
        first: Number.POSITIVE_INFINITY,
        slackMs: 0,
      };
    }
    this.marks.set(markId, mark);
    if (time === undefined) return mark.expiresAt > Number.NEGATIVE_INFINITY ? 'known' : 'new';
    const known = mark.expiresAt > time;
    mark.expiresAt = Math.max(mark.expiresAt, time + cfg.forgetMs);
    mark.first = Math.min(mark.first, time);
    mark.slackMs = Math.min(DAY_MS, cfg.forgetMs / 10);
    if (time < this.learningStart(detectorId, time) + cfg.learningMs) return 'learned';
    if (known) return 'known';
    if (entry !== undefined && !mark.entries?.includes(entry)) {
      mark.entries = [...(mark.entries ?? []), entry];
    }
    return 'new';
  }

  /**
   * What to write at commit: learning starts not stored yet, and key marks that
   * are new or whose expiry moved by more than their slack. Marks of keys whose
   * `new` finding went to an entry in `failed` are left out: the batch will be
   * redelivered, and must find those keys still new.
   */
  *updates(failed: ReadonlySet<string>): Generator<MarkUpdate> {
    for (const [detectorId, learning] of this.learning) {
      if (learning && !learning.stored) {
        yield { id: learningMarkId(detectorId), since: learning.start / 1000 };
      }
    }
    for (const [id, mark] of this.marks) {
      if (!needsWrite(mark)) continue;
      if (mark.entries?.some((e) => failed.has(e))) continue;
      yield {
        id,
        since: Math.floor(mark.first / 1000),
        expiresAt: Math.ceil(mark.expiresAt / 1000),
      };
    }
  }

  /**
   * Forgets a key's sightings in this batch: its `new` finding was evicted with
   * its entry, so the key must stay new (a later finding alerts, and the store
   * is not told the key was seen).
   */
  forget(markId: string): void {
    this.marks.delete(markId);
  }

  /**
   * Keeps at most `max` marks (trimming to a tenth below once over), least
   * recently sighted first. Marks a `new` finding waits on are kept; marks with
   * nothing to write are dropped first (the store still has them). Returns how
   * many dropped marks had a sighting to record: those keys were not marked
   * seen, so they may alert as new later (more alerts, never fewer).
   */
  trim(max: number): number {
    if (this.marks.size <= max) return 0;
    let excess = this.marks.size - lowWater(max);
    const lossy: string[] = [];
    for (const [id, mark] of this.marks) {
      if (excess === 0) break;
      if (mark.entries !== undefined) continue;
      if (needsWrite(mark)) {
        lossy.push(id);
        continue;
      }
      this.marks.delete(id);
      excess -= 1;
    }
    const dropped = lossy.slice(0, excess);
    for (const id of dropped) this.marks.delete(id);
    return dropped.length;
  }

  /** Starts a new batch. */
  clear(): void {
    this.marks.clear();
    this.learning.clear();
  }

  private learningStart(detectorId: string, time: number): number {
    let learning = this.learning.get(detectorId);
    if (!learning) {
      learning = { start: Math.floor(time / 1000) * 1000, stored: false };
      this.learning.set(detectorId, learning);
    }
    return learning.start;
  }
}

/** A mark this batch sighted whose expiry moved past the stored one by more than its slack. */
function needsWrite(mark: KeyMark): boolean {
  if (!Number.isFinite(mark.expiresAt) || !Number.isFinite(mark.first)) return false;
  const expiresAt = Math.ceil(mark.expiresAt / 1000);
  return mark.stored === undefined || expiresAt * 1000 > mark.stored * 1000 + mark.slackMs;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

import { type Fingerprint, FingerprintSet, fingerprintFromHex } from './fingerprint.js';
import { evictionRank, lowWater, pickVictims } from './state-eviction.js';
import type {
  AlertStateStore,
  KeyRef,
  KeyState,
  MarkUpdate,
  StoredMark,
  VersionedKeyState,
} from './state-store.js';

interface Stored extends VersionedKeyState {
  readonly expiresAt: number;
}

interface Generation {
  readonly marks: FingerprintSet;
  maxExpiresAt: number;
}

export interface InMemoryStoreLimits {
  /** Keys kept; past it, keys without an alert due go (state-eviction.ts). Default 100,000. */
  readonly maxKeys?: number;
  /** Seen marks per generation (16 bytes each, two generations). Default 1,000,000. */
  readonly maxSeenMarks?: number;
  /** First-seen marks kept; past it, the least recently written go. Default 100,000. */
  readonly maxMarks?: number;
}

/** What the store gave up to stay within its limits, since it was created. */
export interface InMemoryStoreEvictions {
  /** Keys evicted: held findings forgotten, or a published alert that may be sent again. */
  keys: number;
  /** Seen marks dropped before they expired: a redelivery of those events counts again. */
  seenMarks: number;
  /** First-seen marks dropped: those keys may alert as new again. */
  marks: number;
}

const DEFAULT_LIMITS = { maxKeys: 100_000, maxSeenMarks: 1_000_000, maxMarks: 100_000 };

/**
 * {@link AlertStateStore} in process memory: for the CLI (one scan) and for a warm
 * Lambda container. Seen marks live in two generations of compact fingerprint sets;
 * a generation is dropped once every mark in it has expired, or early when the
 * newer one fills (`maxSeenMarks`), so memory stays bounded. Keys and first-seen
 * marks are capped too; every eviction is counted in {@link evictions}.
 */
export class InMemoryAlertStateStore implements AlertStateStore {
  private readonly keys = new Map<string, Stored>();
  private current: Generation = newGeneration();
  private previous: Generation | undefined;
  private readonly marks = new Map<string, StoredMark>();
  private readonly limits: Required<InMemoryStoreLimits>;
  readonly evictions: InMemoryStoreEvictions = { keys: 0, seenMarks: 0, marks: 0 };
  /** Size past which keys are evicted again: the cap, or more while keys with alerts due fill it. */
  private keyTrigger: number;

  constructor(limits: InMemoryStoreLimits = {}) {
    const pick = (key: keyof InMemoryStoreLimits) => {
      const n = Math.floor(Number(limits[key]));
      return Number.isFinite(n) && n >= 1 ? n : DEFAULT_LIMITS[key];
    };
    this.limits = {
      maxKeys: pick('maxKeys'),
      maxSeenMarks: pick('maxSeenMarks'),
      maxMarks: pick('maxMarks'),
    };
    this.keyTrigger = this.limits.maxKeys;
  }

  /** Number of stored keys (for tests and metrics). */
  get size(): number {
    return this.keys.size;
  }

  async get(ref: KeyRef): Promise<VersionedKeyState | undefined> {
    const key = keyOf(ref);
    const stored = this.keys.get(key);
    if (!stored) return undefined;
    touch(this.keys, key, stored);
    return { version: stored.version, state: stored.state };
  }

  async put(
    ref: KeyRef,
    state: KeyState,
    expectedVersion: number,
    expiresAt: number,
  ): Promise<number | undefined> {
    const key = keyOf(ref);
    const version = this.keys.get(key)?.version ?? 0;
    if (version !== expectedVersion) return undefined;
    this.keys.delete(key);
    if (state.groups.length === 0 && state.pending.length === 0) {
      // Keep the version moving so a writer holding the old one still conflicts.
      this.keys.set(key, { version: version + 1, state, expiresAt: 0 });
    } else {
      this.keys.set(key, { version: version + 1, state, expiresAt });
    }
    if (this.keys.size > this.keyTrigger) this.evictKeys();
    return version + 1;
  }

  async seen(fingerprints: readonly string[]): Promise<readonly boolean[]> {
    return fingerprints.map((hex) => {
      const fp = fingerprintFromHex(hex);
      return fp !== undefined && this.has(fp);
    });
  }

  async markSeen(fingerprints: readonly string[], expiresAt: number): Promise<void> {
    for (const hex of fingerprints) {
      const fp = fingerprintFromHex(hex);
      if (!fp) continue;
      if (this.current.marks.size >= this.limits.maxSeenMarks) this.rotateEarly();
      this.current.marks.add(fp);
      this.current.maxExpiresAt = Math.max(this.current.maxExpiresAt, expiresAt);
    }
  }

  async getMarks(ids: readonly string[]): Promise<readonly (StoredMark | undefined)[]> {
    return ids.map((id) => this.marks.get(id));
  }

  async putMarks(marks: readonly MarkUpdate[]): Promise<void> {
    for (const { id, since, expiresAt } of marks) {
      const old = this.marks.get(id);
      const keep = old?.since ?? since;
      // Most recently written last: the order the cap drops marks in.
      if (old) touch(this.marks, id, old);
      if (expiresAt === undefined) {
        this.marks.set(id, { since: keep });
      } else if (old?.expiresAt === undefined || old.expiresAt < expiresAt) {
        this.marks.set(id, { since: keep, expiresAt });
      }
    }
    if (this.marks.size > this.limits.maxMarks) {
      // The marks written longest ago go first.
      let excess = this.marks.size - lowWater(this.limits.maxMarks);
      for (const id of this.marks.keys()) {
        if (excess-- <= 0) break;
        this.marks.delete(id);
        this.evictions.marks += 1;
      }
    }
  }

  async expire(watermark: number): Promise<void> {
    for (const [key, stored] of this.keys) {
      if (stored.expiresAt < watermark) this.keys.delete(key);
    }
    for (const [id, mark] of this.marks) {
      if (mark.expiresAt !== undefined && mark.expiresAt < watermark) this.marks.delete(id);
    }
    if (this.previous && this.previous.maxExpiresAt < watermark) this.previous = undefined;
    if (!this.previous && this.current.marks.size > 0) {
      this.previous = this.current;
      this.current = newGeneration();
    }
  }

  /** Keys without an alert due, in the shared eviction order (least recently used among equals). */
  private evictKeys(): void {
    const want = this.keys.size - lowWater(this.limits.maxKeys);
    const victims = pickVictims(this.keys.entries(), want, ([, stored]) =>
      evictionRank(stored.state),
    );
    for (const [key] of victims) this.keys.delete(key);
    this.evictions.keys += victims.filter(([, stored]) => stored.expiresAt !== 0).length;
    // Short of the goal (alerts due stay): scan again only after a tenth of the cap more.
    const slack = Math.floor(this.limits.maxKeys / 10);
    this.keyTrigger = Math.max(this.limits.maxKeys, this.keys.size + slack);
  }

  /** The newer generation is full: the older one goes before its marks expired. */
  private rotateEarly(): void {
    this.evictions.seenMarks += this.previous?.marks.size ?? 0;
    this.previous = this.current;
    this.current = newGeneration();
  }

  private has(fp: Fingerprint): boolean {
    return this.current.marks.has(fp) || (this.previous?.marks.has(fp) ?? false);
  }
}

/** Moves `key` to the end of the map's order: the most recently used. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function newGeneration(): Generation {
  return { marks: new FingerprintSet(), maxExpiresAt: Number.NEGATIVE_INFINITY };
}

function keyOf(ref: KeyRef): string {
  return `${ref.detectorId}\u0000${ref.dedupKey}`;
}

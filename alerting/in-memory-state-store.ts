import { type Fingerprint, FingerprintSet, fingerprintFromHex } from './fingerprint.js';
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

/**
 * {@link AlertStateStore} in process memory: for the CLI (one scan) and for a warm
 * Lambda container. Seen marks live in two generations of compact fingerprint sets;
 * a generation is dropped only once every mark in it has expired, so no mark goes
 * early and memory stays about two retention periods' worth. First-seen marks are
 * few (one per key of a first-seen detector) and kept in a plain map.
 */
export class InMemoryAlertStateStore implements AlertStateStore {
  private readonly keys = new Map<string, Stored>();
  private current: Generation = newGeneration();
  private previous: Generation | undefined;
  private readonly marks = new Map<string, StoredMark>();

  /** Number of stored keys (for tests and metrics). */
  get size(): number {
    return this.keys.size;
  }

  async get(ref: KeyRef): Promise<VersionedKeyState | undefined> {
    const stored = this.keys.get(keyOf(ref));
    return stored && { version: stored.version, state: stored.state };
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
    if (state.groups.length === 0 && state.pending.length === 0) {
      // Keep the version moving so a writer holding the old one still conflicts.
      this.keys.set(key, { version: version + 1, state, expiresAt: 0 });
    } else {
      this.keys.set(key, { version: version + 1, state, expiresAt });
    }
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
      if (fp) this.current.marks.add(fp);
    }
    this.current.maxExpiresAt = Math.max(this.current.maxExpiresAt, expiresAt);
  }

  async getMarks(ids: readonly string[]): Promise<readonly (StoredMark | undefined)[]> {
    return ids.map((id) => this.marks.get(id));
  }

  async putMarks(marks: readonly MarkUpdate[]): Promise<void> {
    for (const { id, since, expiresAt } of marks) {
      const old = this.marks.get(id);
      const keep = old?.since ?? since;
      if (expiresAt === undefined) {
        this.marks.set(id, { since: keep });
      } else if (old?.expiresAt === undefined || old.expiresAt < expiresAt) {
        this.marks.set(id, { since: keep, expiresAt });
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

  private has(fp: Fingerprint): boolean {
    return this.current.marks.has(fp) || (this.previous?.marks.has(fp) ?? false);
  }
}

function newGeneration(): Generation {
  return { marks: new FingerprintSet(), maxExpiresAt: Number.NEGATIVE_INFINITY };
}

function keyOf(ref: KeyRef): string {
  return `${ref.detectorId}\u0000${ref.dedupKey}`;
}

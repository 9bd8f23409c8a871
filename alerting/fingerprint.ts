/**
 * Compact event fingerprints. Counting a redelivered CloudTrail event once means
 * remembering every event already counted; as strings that costs ~100 bytes per
 * event, as a 64-bit hash in a typed-array set 16 bytes, which keeps a
 * million-event flood in a few megabytes.
 */

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  readonly hi: number;
  readonly lo: number;
}

/**
 * 64-bit non-cryptographic hash (cyrb53's mixing, both halves kept). Event ids are
 * assigned by CloudTrail, not chosen by callers, so collision resistance against
 * an adversary is not needed; at a million events the chance of any collision is
 * about 1 in 30 million.
 */
export function fingerprintOf(text: string): Fingerprint {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h2 >>> 0, lo: h1 >>> 0 };
}

/** 16 lowercase hex digits: the portable form stores keep. */
export function fingerprintToHex(fp: Fingerprint): string {
  return fp.hi.toString(16).padStart(8, '0') + fp.lo.toString(16).padStart(8, '0');
}

/** Parses {@link fingerprintToHex} output; anything else gives `undefined`. */
export function fingerprintFromHex(hex: string): Fingerprint | undefined {
  if (!/^[0-9a-f]{16}$/.test(hex)) return undefined;
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8), 16) };
}

const INITIAL_SLOTS = 8;

/**
 * An open-addressing hash set of fingerprints in one `Uint32Array` (two slots per
 * entry, load factor ≤ 1/2). The all-zero fingerprint is stored as (0, 1) so zero
 * can mark an empty slot; that merges one pair of fingerprints out of 2^64. The
 * first fingerprint is kept in two fields and the table made for the second: a
 * typed array costs about 200 bytes, and most keys of a flood count one event.
 */
export class FingerprintSet {
  private table: Uint32Array | undefined;
  private mask = INITIAL_SLOTS - 1;
  private count = 0;
  private oneHi = 0;
  private oneLo = 0;

  get size(): number {
    return this.count;
  }

  has(fp: Fingerprint): boolean {
    const lo = fp.hi === 0 && fp.lo === 0 ? 1 : fp.lo;
    if (!this.table) return this.count === 1 && this.oneHi === fp.hi && this.oneLo === lo;
    for (let slot = this.slotOf(fp.hi, lo); ; slot = (slot + 1) & this.mask) {
      const h = this.table[slot * 2] ?? 0;
      const l = this.table[slot * 2 + 1] ?? 0;
      if (h === 0 && l === 0) return false;
      if (h === fp.hi && l === lo) return true;
    }
  }

  /** Adds `fp`; returns false when it was already present. */
  add(fp: Fingerprint): boolean {
    const lo = fp.hi === 0 && fp.lo === 0 ? 1 : fp.lo;
    if (!this.table) {
      if (this.count === 0) {
        this.oneHi = fp.hi;
        this.oneLo = lo;
        this.count = 1;
        return true;
      }
      if (this.oneHi === fp.hi && this.oneLo === lo) return false;
      this.table = new Uint32Array(INITIAL_SLOTS * 2);
      this.count = 0;
      this.insert(this.oneHi, this.oneLo);
    }
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    return this.insert(fp.hi, lo);
  }

  *[Symbol.iterator](): IterableIterator<Fingerprint> {
    if (!this.table) {
      if (this.count === 1) yield { hi: this.oneHi, lo: this.oneLo };
      return;
    }
    for (let slot = 0; slot <= this.mask; slot++) {
      const hi = this.table[slot * 2] ?? 0;
      const lo = this.table[slot * 2 + 1] ?? 0;
      if (hi !== 0 || lo !== 0) yield { hi, lo };
    }
  }

  private insert(hi: number, lo: number): boolean {
    const table = this.table as Uint32Array;
    for (let slot = this.slotOf(hi, lo); ; slot = (slot + 1) & this.mask) {
      const h = table[slot * 2] ?? 0;
      const l = table[slot * 2 + 1] ?? 0;
      if (h === hi && l === lo) return false;
      if (h === 0 && l === 0) {
        table[slot * 2] = hi;
        table[slot * 2 + 1] = lo;
        this.count += 1;
        return true;
      }
    }
  }

  /** Fingerprints are already uniform hashes: their low bits index the table directly. */
  private slotOf(hi: number, lo: number): number {
    return ((lo ^ hi) >>> 0) & this.mask;
  }

  private grow(): void {
    const old = this.table as Uint32Array;
    this.table = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const hi = old[i] ?? 0;
      const lo = old[i + 1] ?? 0;
      if (hi !== 0 || lo !== 0) this.insert(hi, lo);
    }
  }
}

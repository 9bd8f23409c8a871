/**
 * A tiny seeded PRNG (mulberry32) with the helpers the generator needs. Written
 * here rather than pulled in so the corpus depends on nothing but Node, and so the
 * byte stream is fixed by this file alone: the same seed gives the same corpus.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

/** 32-bit FNV-1a of a string, used to turn seeds and labels into PRNG states. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Deterministic random numbers and random strings. */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }

  /**
   * An independent stream named by `label`. Parts of the corpus (the world, the
   * file plan, each file) draw from their own stream, so adding a field to one
   * event template does not reshuffle every file after it.
   */
  fork(label: string): Rng {
    return new Rng(hashString(`${this.state}:${label}`));
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  private fromAlphabet(alphabet: string, length: number): string {
    let out = '';
    const n = alphabet.length;
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * n)];
    return out;
  }

  /** Lower-case hex digits. */
  hex(length: number): string {
    return this.fromAlphabet(HEX, length);
  }

  /** Mixed-case letters and digits (S3 key suffixes, tokens). */
  alnum(length: number): string {
    return this.fromAlphabet(ALNUM, length);
  }

  /** Upper-case letters and digits (access key ids, S3 request ids). */
  upper(length: number): string {
    return this.fromAlphabet(UPPER_ALNUM, length);
  }

  /** Lower-case letters and digits (organisation ids, name suffixes). */
  lower(length: number): string {
    return this.fromAlphabet(LOWER_ALNUM, length);
  }

  /** Base64 alphabet without padding (session tokens, x-amz-id-2). */
  base64(length: number): string {
    return this.fromAlphabet(BASE64, length);
  }

  /** Decimal digits, first one non-zero. */
  digits(length: number): string {
    return String(this.int(1, 9)) + this.fromAlphabet('0123456789', length - 1);
  }

  /** A version-4 UUID. */
  uuid(): string {
    const h = this.hex(30);
    const variant = HEX[8 + Math.floor(this.next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-${variant}${h.slice(15, 18)}-${h.slice(18, 30)}`;
  }
}

import { describe, expect, it } from 'vitest';
import {
  FingerprintSet,
  fingerprintFromHex,
  fingerprintOf,
  fingerprintToHex,
} from '../../alerting/fingerprint.js';

describe('fingerprintOf', () => {
  it('is stable and tells near-identical event identities apart', () => {
    const a = fingerprintOf('detector\u0000111122223333\u0000event-1');

    expect(fingerprintOf('detector\u0000111122223333\u0000event-1')).toEqual(a);
    expect(fingerprintOf('detector\u0000111122223333\u0000event-2')).not.toEqual(a);
    expect(fingerprintOf('detector\u0000444455556666\u0000event-1')).not.toEqual(a);
  });

  it('round-trips through 16 hex digits and rejects anything else', () => {
    const fp = fingerprintOf('x');

    expect(fingerprintToHex(fp)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintFromHex(fingerprintToHex(fp))).toEqual(fp);
    expect(fingerprintFromHex('not-a-fingerprint')).toBeUndefined();
    expect(fingerprintFromHex('00000000000000001')).toBeUndefined();
  });
});

describe('FingerprintSet', () => {
  it('adds, finds and refuses repeats while growing past its first table', () => {
    // Prepare
    const set = new FingerprintSet();
    const fps = Array.from({ length: 10_000 }, (_, i) => fingerprintOf(`event-${i}`));

    // Act
    const added = fps.map((fp) => set.add(fp));

    // Assess
    expect(added.every(Boolean)).toBe(true);
    expect(set.size).toBe(10_000);
    expect(fps.every((fp) => set.has(fp))).toBe(true);
    expect(set.add(fps[42] ?? fingerprintOf(''))).toBe(false);
    expect(set.has(fingerprintOf('event-10000'))).toBe(false);
    expect([...set]).toHaveLength(10_000);
  });

  it('stores the all-zero fingerprint even though zero marks empty slots', () => {
    const set = new FingerprintSet();

    expect(set.has({ hi: 0, lo: 0 })).toBe(false);
    set.add({ hi: 0, lo: 0 });

    expect(set.has({ hi: 0, lo: 0 })).toBe(true);
    expect(set.size).toBe(1);
  });
});

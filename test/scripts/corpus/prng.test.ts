import { describe, expect, it } from 'vitest';
import { hashString, Rng } from '../../../scripts/corpus/prng.js';

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Rng('seed-1');
    const b = new Rng('seed-1');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });

  it('gives a different sequence for a different seed', () => {
    expect(new Rng('seed-1').next()).not.toBe(new Rng('seed-2').next());
  });

  it('forks streams that do not depend on how much the parent drew afterwards', () => {
    const parent = new Rng('x');
    const child = parent.fork('files');
    const first = child.next();
    parent.next();
    expect(new Rng('x').fork('files').next()).toBe(first);
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('makes version-4 UUIDs and strings of the asked alphabet', () => {
    const rng = new Rng('ids');
    expect(rng.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(rng.alnum(16)).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(rng.upper(20)).toMatch(/^[A-Z0-9]{20}$/);
    expect(rng.digits(12)).toMatch(/^[1-9]\d{11}$/);
  });

  it('hashes strings to stable unsigned 32-bit numbers', () => {
    expect(hashString('trailwatch')).toBe(hashString('trailwatch'));
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(hashString('')).toBeGreaterThanOrEqual(0);
  });
});

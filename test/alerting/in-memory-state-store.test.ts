import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintToHex } from '../../alerting/fingerprint.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { KeyState } from '../../alerting/state-store.js';
import type { Severity } from '../../detectors/types.js';
import { describeStateStoreContract, stateWithCount } from './state-store-contract.js';

describeStateStoreContract('InMemoryAlertStateStore', async () => {
  const store = new InMemoryAlertStateStore();
  return { store, passTime: (seconds) => store.expire(seconds) };
});

describe('InMemoryAlertStateStore', () => {
  it('counts the keys it holds and drops them at expiry', async () => {
    const store = new InMemoryAlertStateStore();
    await store.put({ detectorId: 'd', dedupKey: 'a' }, stateWithCount(1), 0, 100);
    await store.put({ detectorId: 'd', dedupKey: 'b' }, stateWithCount(1), 0, 200);

    const before = store.size;
    await store.expire(150);

    expect([before, store.size]).toEqual([2, 1]);
  });
});

/** A key holding `count` findings below its threshold, at `severity`. */
function heldState(count: number, severity: Severity = 'medium'): KeyState {
  const sample = (time: number) => ({
    time,
    eventId: `e${time}`,
    severity,
    summary: 's',
    account: 'a',
    region: 'r',
    principal: 'p',
    sourceIp: 'i',
  });
  return {
    groups: [],
    pending: Array.from({ length: count }, (_, i) => ({ sample: sample(i), resources: [] })),
  };
}

const key = (dedupKey: string) => ({ detectorId: 'd', dedupKey });

describe('InMemoryAlertStateStore: limits', () => {
  it('evicts keys past maxKeys, never one whose alert is due, and counts them', async () => {
    // Prepare: the first key has an unpublished alert; 20 one-finding keys follow, cap 5
    const store = new InMemoryAlertStateStore({ maxKeys: 5 });
    await store.put(key('due'), stateWithCount(1), 0, 100);

    // Act
    for (let i = 0; i < 20; i++) await store.put(key(`held-${i}`), heldState(1), 0, 100);

    // Assess
    expect(store.size).toBeLessThanOrEqual(5);
    expect((await store.get(key('due')))?.state.groups).toHaveLength(1);
    expect(store.evictions.keys).toBe(21 - store.size);
  });

  it('evicts the least severe key holding fewest findings first, least recently used among equals', async () => {
    // Prepare: cap 3; `a` is read after `b` was written
    const store = new InMemoryAlertStateStore({ maxKeys: 3 });
    await store.put(key('close'), heldState(4), 0, 100);
    await store.put(key('a'), heldState(1), 0, 100);
    await store.put(key('b'), heldState(1), 0, 100);
    await store.get(key('a'));

    // Act
    await store.put(key('high'), heldState(1, 'high'), 0, 100);

    // Assess
    expect(await store.get(key('b'))).toBeUndefined();
    for (const kept of ['a', 'close', 'high']) expect(await store.get(key(kept))).toBeDefined();
    expect(store.evictions.keys).toBe(1);
  });

  it('makes a writer holding an evicted key version merge rather than overwrite', async () => {
    const store = new InMemoryAlertStateStore({ maxKeys: 1 });
    const version = await store.put(key('a'), heldState(1), 0, 100);
    await store.put(key('b'), heldState(2), 0, 100);

    expect(await store.get(key('a'))).toBeUndefined();
    expect(await store.put(key('a'), heldState(2), version ?? 1, 100)).toBeUndefined();
    expect(await store.put(key('a'), heldState(2), 0, 100)).toBe(1);
  });

  it('drops the older seen-mark generation early once the newer one fills, and counts it', async () => {
    // Prepare: 3 marks per generation; 7 events marked, none expired
    const store = new InMemoryAlertStateStore({ maxSeenMarks: 3 });
    const marks = Array.from({ length: 7 }, (_, i) =>
      fingerprintToHex(fingerprintOf(`event-${i}`)),
    );

    // Act
    await store.markSeen(marks, 1_000_000);

    // Assess: the first 3 went (with the generation), the last 4 are still recognised
    expect(await store.seen(marks)).toEqual([false, false, false, true, true, true, true]);
    expect(store.evictions.seenMarks).toBe(3);
  });

  it('keeps at most maxMarks first-seen marks, the longest unwritten going first', async () => {
    const store = new InMemoryAlertStateStore({ maxMarks: 10 });
    const ids = Array.from({ length: 11 }, (_, i) => `first-seen#d#${i}`);

    await store.putMarks(ids.map((id) => ({ id, since: 1, expiresAt: 100 })));

    const kept = await store.getMarks(ids);
    expect(kept.map((m) => m !== undefined)).toEqual([false, false, ...Array(9).fill(true)]);
    expect(store.evictions.marks).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintToHex } from '../../alerting/fingerprint.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { KeyState } from '../../alerting/state-store.js';

const ref = { detectorId: 'd', dedupKey: 'k' };
const state = (count: number): KeyState => ({
  groups: [
    {
      start: 0,
      end: 1000,
      count,
      firstSeen: 0,
      lastSeen: 0,
      severity: 'low',
      eventIds: [],
      resources: [],
      sample: {
        time: 0,
        eventId: 'e',
        severity: 'low',
        summary: 's',
        account: 'a',
        region: 'r',
        principal: 'p',
        sourceIp: 'i',
      },
    },
  ],
  pending: [],
});
const hex = (text: string) => fingerprintToHex(fingerprintOf(text));

describe('InMemoryAlertStateStore', () => {
  it('writes only when the expected version still holds, like a conditional put', async () => {
    const store = new InMemoryAlertStateStore();

    const v1 = await store.put(ref, state(1), 0, 10);
    const stale = await store.put(ref, state(2), 0, 10);
    const v2 = await store.put(ref, state(3), 1, 10);

    expect([v1, stale, v2]).toEqual([1, undefined, 2]);
    expect((await store.get(ref))?.state.groups[0]?.count).toBe(3);
  });

  it('expires keys by event-time watermark', async () => {
    const store = new InMemoryAlertStateStore();
    await store.put(ref, state(1), 0, 100);

    await store.expire(100);
    expect(await store.get(ref)).toBeDefined();
    await store.expire(101);
    expect(await store.get(ref)).toBeUndefined();
  });

  it('remembers seen events until every mark of their generation has expired', async () => {
    // Prepare
    const store = new InMemoryAlertStateStore();
    await store.markSeen([hex('early')], 100);
    await store.expire(50); // rotates: 'early' now in the previous generation
    await store.markSeen([hex('late')], 500);

    // Act / Assess
    expect(await store.seen([hex('early'), hex('late'), hex('never')])).toEqual([
      true,
      true,
      false,
    ]);
    await store.expire(101);
    expect(await store.seen([hex('early'), hex('late')])).toEqual([false, true]);
    await store.expire(501);
    await store.expire(502);
    expect(await store.seen([hex('late')])).toEqual([false]);
  });

  it('answers false for malformed fingerprints instead of throwing', async () => {
    const store = new InMemoryAlertStateStore();

    expect(await store.seen(['zz', ''])).toEqual([false, false]);
  });
});

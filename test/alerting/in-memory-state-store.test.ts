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

  it("keeps a mark's first time and only ever extends its expiry, like the conditional update", async () => {
    const store = new InMemoryAlertStateStore();

    await store.putMarks([{ id: 'k', since: 10, expiresAt: 100 }]);
    await store.putMarks([{ id: 'k', since: 50, expiresAt: 80 }]); // an older writer
    const afterStale = await store.getMarks(['k']);
    await store.putMarks([{ id: 'k', since: 60, expiresAt: 200 }]);

    expect(afterStale).toEqual([{ since: 10, expiresAt: 100 }]);
    expect(await store.getMarks(['k', 'unknown'])).toEqual([
      { since: 10, expiresAt: 200 },
      undefined,
    ]);
  });

  it('expires marks by event-time watermark but keeps permanent ones', async () => {
    const store = new InMemoryAlertStateStore();
    await store.putMarks([
      { id: 'key', since: 0, expiresAt: 100 },
      { id: 'learning', since: 0 },
    ]);

    await store.expire(100);
    const kept = await store.getMarks(['key', 'learning']);
    await store.expire(101);

    expect(kept.every((m) => m !== undefined)).toBe(true);
    expect(await store.getMarks(['key', 'learning'])).toEqual([undefined, { since: 0 }]);
  });

  it("does not move a permanent mark's first time", async () => {
    const store = new InMemoryAlertStateStore();

    await store.putMarks([{ id: 'learning', since: 30 }]);
    await store.putMarks([{ id: 'learning', since: 5 }]);

    expect(await store.getMarks(['learning'])).toEqual([{ since: 30 }]);
  });

  it('answers false for malformed fingerprints instead of throwing', async () => {
    const store = new InMemoryAlertStateStore();

    expect(await store.seen(['zz', ''])).toEqual([false, false]);
  });
});

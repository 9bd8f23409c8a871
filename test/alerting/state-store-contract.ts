import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintToHex } from '../../alerting/fingerprint.js';
import type { AlertStateStore, KeyRef, KeyState } from '../../alerting/state-store.js';

/**
 * What every {@link AlertStateStore} must do, whatever it keeps state in. Each
 * store's test file runs this suite; store-specific behaviour is tested beside it.
 */

export interface ContractSubject {
  readonly store: AlertStateStore;
  /**
   * Lets time pass up to `seconds` (epoch seconds): the event-time watermark for
   * a store that expires on `expire`, the clock for one that expires like TTL.
   */
  passTime(seconds: number): Promise<void>;
}

const ref: KeyRef = { detectorId: 'd', dedupKey: 'k' };

/** A one-group state whose count tells writes apart. */
export function stateWithCount(count: number): KeyState {
  return {
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
  };
}

/** A state using every optional field, with evidence that makes it tens of KB of JSON. */
export function richState(): KeyState {
  const sample = (time: number, eventId: string) => ({
    time,
    eventId,
    severity: 'high' as const,
    summary: `alice read secret number ${time} \u0000\u202e ${'é'.repeat(300)}`,
    account: '111122223333',
    region: 'eu-west-1',
    principal: 'arn:aws:iam::111122223333:user/alice',
    sourceIp: '203.0.113.10',
  });
  return {
    groups: [
      {
        start: 1_000,
        end: 301_000,
        count: 437,
        firstSeen: 1_000,
        lastSeen: 299_000,
        severity: 'high',
        eventIds: Array.from({ length: 50 }, (_, i) => ({ time: 1_000 + i, id: `event-${i}` })),
        resources: Array.from({ length: 20 }, (_, i) => `arn:aws:secretsmanager:::secret:s-${i}`),
        sample: sample(1_000, 'event-0'),
        notified: 'medium',
        values: Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(32, '0')),
        moreValues: true,
      },
    ],
    pending: Array.from({ length: 30 }, (_, i) => ({
      sample: sample(400_000 + i, `held-${i}`),
      resources: [`arn:aws:secretsmanager:::secret:held-${i}`],
      value: (1000 + i).toString(16).padStart(32, '0'),
      ...(i % 2 === 0 ? { repeats: 3, since: 399_000 } : {}),
    })),
  };
}

const hex = (text: string) => fingerprintToHex(fingerprintOf(text));

export function describeStateStoreContract(
  name: string,
  create: () => Promise<ContractSubject>,
): void {
  describe(`${name}: AlertStateStore contract`, () => {
    it('writes only when the expected version still holds, like a conditional put', async () => {
      const { store } = await create();

      const v1 = await store.put(ref, stateWithCount(1), 0, 10);
      const stale = await store.put(ref, stateWithCount(2), 0, 10);
      const v2 = await store.put(ref, stateWithCount(3), 1, 10);

      expect([v1, stale, v2]).toEqual([1, undefined, 2]);
      expect((await store.get(ref))?.state.groups[0]?.count).toBe(3);
      expect((await store.get(ref))?.version).toBe(2);
    });

    it('refuses a write that expects a version when nothing is stored', async () => {
      const { store } = await create();

      expect(await store.get(ref)).toBeUndefined();
      expect(await store.put(ref, stateWithCount(1), 4, 10)).toBeUndefined();
      expect(await store.get(ref)).toBeUndefined();
    });

    it('returns the state exactly as written, every optional field included', async () => {
      const { store } = await create();
      const state = richState();

      await store.put(ref, state, 0, 10);

      expect((await store.get(ref))?.state).toEqual(state);
    });

    it('keeps keys apart even when their text would run together', async () => {
      // Prepare: pairs that collide under naive concatenation, and hostile keys
      const refs: KeyRef[] = [
        { detectorId: 'a#b', dedupKey: 'c' },
        { detectorId: 'a', dedupKey: 'b#c' },
        { detectorId: 'a', dedupKey: 'x'.repeat(3000) },
        { detectorId: 'a', dedupKey: `${'x'.repeat(2999)}y` },
        { detectorId: 'a', dedupKey: 'lone \ud800 surrogate' },
        { detectorId: 'a', dedupKey: 'lone \udbff surrogate' },
        { detectorId: 'a', dedupKey: '' },
      ];

      const { store } = await create();

      // Act
      const versions: (number | undefined)[] = [];
      for (const [i, r] of refs.entries())
        versions.push(await store.put(r, stateWithCount(i + 1), 0, 10));
      const counts = await Promise.all(
        refs.map(async (r) => (await store.get(r))?.state.groups[0]?.count),
      );

      // Assess
      expect(versions).toEqual(refs.map(() => 1));
      expect(counts).toEqual(refs.map((_, i) => i + 1));
    });

    it('keeps the version moving through an empty state, so a stale writer still conflicts', async () => {
      const { store } = await create();
      await store.put(ref, stateWithCount(1), 0, 10);

      const emptied = await store.put(ref, { groups: [], pending: [] }, 1, 0);
      const stale = await store.put(ref, stateWithCount(9), 1, 10);

      expect(emptied).toBe(2);
      expect(stale).toBeUndefined();
      const after = await store.get(ref);
      expect(after?.state ?? { groups: [], pending: [] }).toEqual({ groups: [], pending: [] });
    });

    it('forgets a key once time passes its expiry', async () => {
      const { store, passTime } = await create();
      await store.put(ref, stateWithCount(1), 0, 100);

      await passTime(100);
      const kept = await store.get(ref);
      await passTime(101);

      expect(kept?.state.groups[0]?.count).toBe(1);
      expect(await store.get(ref)).toBeUndefined();
      expect(await store.put(ref, stateWithCount(2), 0, 500)).toBeGreaterThan(0);
      expect((await store.get(ref))?.state.groups[0]?.count).toBe(2);
    });

    it('remembers seen events at least until their expiry, and forgets them after', async () => {
      // Prepare
      const { store, passTime } = await create();
      await store.markSeen([hex('early')], 100);
      await passTime(50);
      await store.markSeen([hex('late')], 500);

      // Act / Assess
      expect(await store.seen([hex('early'), hex('late'), hex('never')])).toEqual([
        true,
        true,
        false,
      ]);
      await passTime(101);
      expect(await store.seen([hex('early'), hex('late')])).toEqual([false, true]);
      await passTime(501);
      await passTime(502);
      expect(await store.seen([hex('late')])).toEqual([false]);
    });

    it('answers seen for many events, repeats and malformed fingerprints in input order', async () => {
      // Prepare: more than one batch request's worth, half of them marked
      const { store } = await create();
      const all = Array.from({ length: 250 }, (_, i) => hex(`event-${i}`));
      await store.markSeen(
        all.filter((_, i) => i % 2 === 0),
        100,
      );

      // Act
      const answers = await store.seen([...all, all[0] as string, all[1] as string, 'zz', '']);

      // Assess
      expect(answers).toEqual([...all.map((_, i) => i % 2 === 0), true, false, false, false]);
    });

    it('answers false for malformed fingerprints instead of throwing', async () => {
      const { store } = await create();
      await store.markSeen(['zz', 'ABCDEF0123456789'], 100);

      expect(await store.seen(['zz', '', 'ABCDEF0123456789'])).toEqual([false, false, false]);
    });

    it("keeps a mark's first time and only ever extends its expiry, like the conditional update", async () => {
      const { store } = await create();

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

    it('forgets marks once time passes their expiry but keeps permanent ones', async () => {
      const { store, passTime } = await create();
      await store.putMarks([
        { id: 'key', since: 0, expiresAt: 100 },
        { id: 'learning', since: 0 },
      ]);

      await passTime(100);
      const kept = await store.getMarks(['key', 'learning']);
      await passTime(101);

      expect(kept).toEqual([{ since: 0, expiresAt: 100 }, { since: 0 }]);
      expect(await store.getMarks(['key', 'learning'])).toEqual([undefined, { since: 0 }]);
    });

    it('remembers a mark written again after it was forgotten', async () => {
      const { store, passTime } = await create();
      await store.putMarks([{ id: 'key', since: 0, expiresAt: 100 }]);
      await passTime(150);

      await store.putMarks([{ id: 'key', since: 120, expiresAt: 290 }]);

      expect(await store.getMarks(['key'])).toEqual([{ since: 120, expiresAt: 290 }]);
    });

    it("does not move a permanent mark's first time", async () => {
      const { store } = await create();

      await store.putMarks([{ id: 'learning', since: 30 }]);
      await store.putMarks([{ id: 'learning', since: 5 }]);

      expect(await store.getMarks(['learning'])).toEqual([{ since: 30 }]);
    });

    it('reads many marks at once, repeats included, in input order', async () => {
      const { store } = await create();
      const ids = Array.from({ length: 130 }, (_, i) => `first-seen#d#${i}`);
      await store.putMarks(ids.map((id, i) => ({ id, since: i, expiresAt: 1000 + i })));

      const marks = await store.getMarks([...ids, ids[5] as string, 'missing']);

      expect(marks).toEqual([
        ...ids.map((_, i) => ({ since: i, expiresAt: 1000 + i })),
        { since: 5, expiresAt: 1005 },
        undefined,
      ]);
      expect(await store.getMarks([])).toEqual([]);
    });
  });
}

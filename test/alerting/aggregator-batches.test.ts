import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { AlertStateConflictError, AlertStateStoreError } from '../../alerting/errors.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import type { Finding } from '../../detectors/types.js';
import { at, findingFor, policyEvent } from './fixtures.js';

/** One Lambda invocation: a fresh aggregator over the shared store. */
async function invocation(store: AlertStateStore, findings: readonly Finding[]) {
  const aggregator = new AlertAggregator({ store });
  await aggregator.addAll(findings);
  return { aggregator, ...(await aggregator.flush()) };
}

describe('AlertAggregator: batches, publish outcome and commit', () => {
  it('returns an alert once: a redelivered, committed batch gives no second alert', async () => {
    // Prepare
    const store = new InMemoryAlertStateStore();
    const events = [policyEvent(at(0)), policyEvent(at(5))];
    const first = await invocation(
      store,
      events.map((e) => findingFor(e)),
    );
    await first.aggregator.commit(first.alerts.map((a) => a.id));

    // Act: the same file again (S3 notification delivered twice)
    const again = await invocation(
      store,
      events.map((e) => findingFor(structuredClone(e))),
    );

    // Assess
    expect(first.alerts).toHaveLength(1);
    expect(again.alerts).toEqual([]);
    expect(again.stats.duplicates).toBe(2);
  });

  it('returns an unpublished alert again, with the same id, until it is published', async () => {
    const store = new InMemoryAlertStateStore();
    const events = [policyEvent(at(0)), policyEvent(at(5))];
    const first = await invocation(
      store,
      events.map((e) => findingFor(e)),
    );
    await first.aggregator.commit([]); // SNS failed: nothing published

    const retry = await invocation(
      store,
      events.map((e) => findingFor(structuredClone(e))),
    );

    expect(retry.alerts.map((a) => [a.id, a.count])).toEqual([[first.alerts[0]?.id, 2]]);
  });

  it('does not persist anything before commit, so a crashed batch replays identically', async () => {
    const store = new InMemoryAlertStateStore();
    const findings = [findingFor(policyEvent(at(0)))];
    const crashed = await invocation(store, findings);

    const replay = await invocation(store, findings);

    expect(store.size).toBe(0);
    expect(replay.alerts.map((a) => a.id)).toEqual(crashed.alerts.map((a) => a.id));
    expect(replay.stats.duplicates).toBe(0);
  });

  it('keeps counting into a published alert without returning it again', async () => {
    const store = new InMemoryAlertStateStore();
    const first = await invocation(store, [findingFor(policyEvent(at(0)))]);
    await first.aggregator.commit(first.alerts.map((a) => a.id));

    const later = await invocation(store, [findingFor(policyEvent(at(20)))]);
    await later.aggregator.commit([]);

    expect(later.alerts).toEqual([]);
    const stored = await store.get({
      detectorId: 'test-bucket-policy-changed',
      dedupKey: first.alerts[0]?.dedupKey ?? '',
    });
    expect(stored?.state.groups.map((g) => g.count)).toEqual([2]);
  });

  it('returns an escalation of a published alert under a new id', async () => {
    const store = new InMemoryAlertStateStore();
    const first = await invocation(store, [findingFor(policyEvent(at(0)))]);
    await first.aggregator.commit(first.alerts.map((a) => a.id));
    const escalating: Finding = { ...findingFor(policyEvent(at(10))), severity: 'critical' };

    const later = await invocation(store, [escalating]);

    expect(later.alerts).toHaveLength(1);
    expect(later.alerts[0]?.severity).toBe('critical');
    expect(later.alerts[0]?.id).not.toBe(first.alerts[0]?.id);
    expect(later.alerts[0]?.summary).toMatch(/^Escalated from medium to critical: /);
    expect(later.alerts[0]?.count).toBe(2);
  });

  it('starts a new alert in a new window after a published one', async () => {
    const store = new InMemoryAlertStateStore();
    const first = await invocation(store, [findingFor(policyEvent(at(0)))]);
    await first.aggregator.commit(first.alerts.map((a) => a.id));

    const later = await invocation(store, [findingFor(policyEvent(at(61)))]);

    expect(later.alerts.map((a) => a.firstSeen)).toEqual(['2026-11-20T11:01:00.000Z']);
  });

  it('merges two concurrent writers of one key without losing counts', async () => {
    // Prepare: two invocations read the same (empty) state, then both commit
    const store = new InMemoryAlertStateStore();
    const a = await invocation(
      store,
      [0, 1, 2].map((m) => findingFor(policyEvent(at(m)))),
    );
    const b = await invocation(
      store,
      [3, 4].map((m) => findingFor(policyEvent(at(m)))),
    );

    // Act
    await a.aggregator.commit(a.alerts.map((x) => x.id));
    await b.aggregator.commit([]);

    // Assess
    const stored = await store.get({
      detectorId: 'test-bucket-policy-changed',
      dedupKey: a.alerts[0]?.dedupKey ?? '',
    });
    expect(stored?.state.groups).toHaveLength(1);
    expect(stored?.state.groups[0]?.count).toBe(5);
    expect(stored?.state.groups[0]?.eventIds).toHaveLength(5);
    expect(stored?.state.groups[0]?.notified).toBe('medium');
  });

  it('reports a key that keeps conflicting, after committing the others', async () => {
    const store = new InMemoryAlertStateStore();
    const hostile: AlertStateStore = {
      get: (ref) => store.get(ref),
      put: async (ref, state, version, expiresAt) =>
        ref.dedupKey.includes('contested') ? undefined : store.put(ref, state, version, expiresAt),
      seen: (fps) => store.seen(fps),
      markSeen: (fps, exp) => store.markSeen(fps, exp),
      getMarks: (ids) => store.getMarks(ids),
      putMarks: (marks) => store.putMarks(marks),
      expire: (w) => store.expire(w),
    };
    const findings = [
      findingFor(policyEvent(at(0), 'contested')),
      findingFor(policyEvent(at(0), 'quiet')),
    ];
    const run = await invocation(hostile, findings);

    const error = await run.aggregator.commit([]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AlertStateConflictError);
    expect(store.size).toBe(1);
  });

  it('rejects with a named error carrying the cause when the store fails', async () => {
    const cause = new Error('ProvisionedThroughputExceededException');
    const failing: AlertStateStore = {
      get: async () => {
        throw cause;
      },
      put: async () => 1,
      seen: async (fps) => fps.map(() => false),
      markSeen: async () => {},
      getMarks: async (ids) => ids.map(() => undefined),
      putMarks: async () => {},
      expire: async () => {},
    };
    const aggregator = new AlertAggregator({ store: failing });

    const error = await aggregator
      .addAll([findingFor(policyEvent(at(0)))])
      .then(() => aggregator.flush())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AlertStateStoreError);
    expect((error as Error).cause).toBe(cause);
    await expect(aggregator.flush()).rejects.toBeInstanceOf(AlertStateStoreError);
  });

  it('forgets published windows and seen events once event time moves past them', async () => {
    const store = new InMemoryAlertStateStore();
    const first = await invocation(store, [findingFor(policyEvent(at(0)))]);
    await first.aggregator.commit(first.alerts.map((a) => a.id));

    // Two days later in event time, another key: the old key's state expires.
    const later = await invocation(store, [findingFor(policyEvent(at(2 * 1440), 'other'))]);
    await later.aggregator.commit(later.alerts.map((a) => a.id));

    expect(store.size).toBe(1);
  });
});

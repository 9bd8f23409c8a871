import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { AlertStateStore, KeyRef } from '../../alerting/state-store.js';
import { MIN_DISTINCT_CAP } from '../../alerting/window-config.js';
import type { CloudTrailEvent, Finding } from '../../detectors/types.js';
import { ACCOUNT } from '../helpers/events.js';
import { at, bucketPolicySpread, findingFor, policyEvent } from './fixtures.js';

/** One finding of the distinct detector: `bucket` is the counted value. */
const spread = (minutes: number, bucket: string) =>
  findingFor(policyEvent(at(minutes), bucket), bucketPolicySpread);

const REF: KeyRef = {
  detectorId: 'test-bucket-policy-spread',
  dedupKey: `${ACCOUNT}|arn:aws:iam::${ACCOUNT}:user/alice`,
};

async function aggregate(findings: readonly Finding[], store?: AlertStateStore) {
  const aggregator = new AlertAggregator(store ? { store } : {});
  await aggregator.addAll(findings);
  return { aggregator, ...(await aggregator.flush()) };
}

describe('AlertAggregator: distinct thresholds', () => {
  it('fires when distinct values reach the count, counting every finding', async () => {
    // Prepare: 3 buckets within 5 minutes, two of them changed twice
    const findings = [
      spread(0, 'a-bucket'),
      spread(1, 'a-bucket'),
      spread(2, 'b-bucket'),
      spread(3, 'b-bucket'),
      spread(4, 'c-bucket'),
    ];

    // Act
    const { alerts, stats } = await aggregate(findings);

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(5);
    expect(alerts[0]?.summary).toMatch(/ \(and 4 more, 3 distinct values\)$/);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:00:00.000Z');
    expect(alerts[0]?.lastSeen).toBe('2026-11-20T10:04:00.000Z');
    expect(stats.belowThreshold).toEqual({ findings: 0, keys: 0 });
  });

  it('does not fire on many findings of one value', async () => {
    const findings = Array.from({ length: 50 }, (_, i) => spread(i / 20, 'a-bucket'));

    const { alerts, stats } = await aggregate(findings);

    expect(alerts).toEqual([]);
    expect(stats.belowThreshold).toEqual({ findings: 50, keys: 1 });
  });

  it('does not fire when the distinct values spread wider than the window', async () => {
    const findings = [spread(0, 'a-bucket'), spread(4, 'b-bucket'), spread(10, 'c-bucket')];

    const { alerts, stats } = await aggregate(findings);

    expect(alerts).toEqual([]);
    expect(stats.belowThreshold.findings).toBe(3);
  });

  it('does not let a flood of repeats push an earlier value out', async () => {
    // Prepare: far more repeats of one value than findings are held per key
    const findings = [
      spread(0, 'a-bucket'),
      ...Array.from({ length: 200 }, (_, i) => spread(1 + i / 100, 'b-bucket')),
      spread(4, 'c-bucket'),
    ];

    const { alerts } = await aggregate(findings);

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(202);
    expect(alerts[0]?.summary).toContain('3 distinct values');
  });

  it('keeps a value inside a sliding window by its latest finding', async () => {
    // a and b at 10:00 and again at 10:06; c at 10:07: only 10:02-10:07 holds all three
    const findings = [
      spread(0, 'a-bucket'),
      spread(0, 'b-bucket'),
      spread(6, 'a-bucket'),
      spread(6, 'b-bucket'),
      spread(7, 'c-bucket'),
    ];

    const { alerts } = await aggregate(findings);

    // The 10:00 findings are more than a window before 10:07: outside the alert.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(3);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:06:00.000Z');
  });

  it('brings only a window of a long-repeated value into the alert another value completes', async () => {
    // Prepare: a-bucket changed every minute for an hour, then two more buckets
    const findings = [
      ...Array.from({ length: 61 }, (_, m) => spread(m, 'a-bucket')),
      spread(61, 'b-bucket'),
      spread(62, 'c-bucket'),
    ];

    // Act
    const { alerts } = await aggregate(findings);

    // Assess: a-bucket's repeats since 10:55 (one 5-minute window back), not since 10:00
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(8);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:55:00.000Z');
  });

  it('counts findings without a distinct value as one shared value', async () => {
    const noValue = (minutes: number) => {
      const finding = spread(minutes, 'a-bucket');
      return { ...finding, distinctValue: undefined };
    };
    const twoValues = [noValue(0), noValue(1), spread(2, 'a-bucket')];

    const below = await aggregate(twoValues);
    const reached = await aggregate([...twoValues, spread(3, 'b-bucket')]);

    expect(below.alerts).toEqual([]);
    expect(reached.alerts).toHaveLength(1);
    expect(reached.alerts[0]?.summary).toContain('3 distinct values');
  });

  it('gives the same alert for the same findings in any order', async () => {
    const findings = [0, 1, 2, 3, 4].flatMap((m) => [
      spread(m, `bucket-${m % 3}`),
      spread(m, `bucket-${(m + 1) % 3}`),
    ]);

    const forward = await aggregate(findings);
    const backward = await aggregate([...findings].reverse());

    expect(forward.alerts).toHaveLength(1);
    expect(backward.alerts.map((a) => [a.id, a.count, a.summary])).toEqual(
      forward.alerts.map((a) => [a.id, a.count, a.summary]),
    );
  });

  it('bounds the values a group remembers and says there were more', async () => {
    // Prepare: 500 different buckets within the window
    const total = 500;
    const findings = Array.from({ length: total }, (_, i) => spread(i / 200, `bucket-${i}`));
    const store = new InMemoryAlertStateStore();

    // Act
    const run = await aggregate(findings, store);
    await run.aggregator.commit([]);

    // Assess: every finding counted; values kept up to the cap only
    expect(run.alerts[0]?.count).toBe(total);
    expect(run.alerts[0]?.summary).toContain(`more than ${MIN_DISTINCT_CAP} distinct values`);
    const stored = await store.get(REF);
    expect(stored?.state.groups[0]?.values).toHaveLength(MIN_DISTINCT_CAP);
    expect(stored?.state.groups[0]?.moreValues).toBe(true);
  });

  it('stores values as digests, never the attacker-chosen text', async () => {
    const store = new InMemoryAlertStateStore();
    const run = await aggregate([spread(0, 'x'.repeat(5000)), spread(1, 'b-bucket')], store);
    await run.aggregator.commit([]);

    const pending = (await store.get(REF))?.state.pending ?? [];

    expect(pending.map((p) => p.value)).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}$/),
      expect.stringMatching(/^[0-9a-f]{32}$/),
    ]);
  });
});

describe('AlertAggregator: distinct thresholds across batches', () => {
  it('reaches the count across Lambda batches, with the repeats held before', async () => {
    // Prepare: a first invocation sees a-bucket 4 times and b-bucket once
    const store = new InMemoryAlertStateStore();
    const first = await aggregate(
      [0, 0.5, 1, 1.5].map((m) => spread(m, 'a-bucket')).concat(spread(2, 'b-bucket')),
      store,
    );
    await first.aggregator.commit([]);

    // Act
    const second = await aggregate([spread(3, 'c-bucket')], store);

    // Assess
    expect(first.alerts).toEqual([]);
    expect(second.alerts).toHaveLength(1);
    expect(second.alerts[0]?.count).toBe(6);
    expect(second.alerts[0]?.summary).toContain('3 distinct values');
  });

  it('does not count values or repeats of a redelivered batch again', async () => {
    const store = new InMemoryAlertStateStore();
    const events: CloudTrailEvent[] = [
      policyEvent(at(0), 'a-bucket'),
      policyEvent(at(1), 'a-bucket'),
      policyEvent(at(2), 'b-bucket'),
    ];
    const first = await aggregate(
      events.map((e) => findingFor(e, bucketPolicySpread)),
      store,
    );
    await first.aggregator.commit([]);

    const again = await aggregate(
      [...events.map((e) => findingFor(structuredClone(e), bucketPolicySpread))],
      store,
    );
    await again.aggregator.commit([]);
    const last = await aggregate([spread(3, 'c-bucket')], store);

    expect(again.alerts).toEqual([]);
    expect(again.stats.duplicates).toBe(3);
    expect(last.alerts[0]?.count).toBe(4);
  });

  it('merges two concurrent writers whose values reach the count only together', async () => {
    // Prepare: both read the same empty state
    const store = new InMemoryAlertStateStore();
    const a = await aggregate([spread(0, 'a-bucket'), spread(1, 'b-bucket')], store);
    const b = await aggregate([spread(2, 'c-bucket')], store);

    // Act
    await a.aggregator.commit([]);
    await b.aggregator.commit([]);
    const next = await aggregate([spread(3, 'a-bucket')], store);

    // Assess: the merge crossed the threshold; the next batch on the key sends it
    expect(a.alerts).toEqual([]);
    expect(b.alerts).toEqual([]);
    expect(next.alerts).toHaveLength(1);
    expect(next.alerts[0]?.count).toBe(4);
    expect(next.alerts[0]?.summary).toContain('3 distinct values');
  });

  it('adds up repeats of one held value that two writers saw concurrently', async () => {
    // Prepare: a-bucket held once; then two writers add 2 and 3 more repeats of it
    const store = new InMemoryAlertStateStore();
    const base = await aggregate([spread(0, 'a-bucket')], store);
    await base.aggregator.commit([]);
    const a = await aggregate([spread(0.5, 'a-bucket'), spread(1, 'a-bucket')], store);
    const b = await aggregate(
      [1.5, 2, 2.5].map((m) => spread(m, 'a-bucket')),
      store,
    );

    // Act
    await a.aggregator.commit([]);
    await b.aggregator.commit([]);

    // Assess
    const pending = (await store.get(REF))?.state.pending ?? [];
    expect(pending).toHaveLength(1);
    expect(pending[0]?.repeats).toBe(6);
    expect(pending[0]?.sample.time).toBe(Date.parse(at(2.5)));
  });

  it('keeps repeats another writer added to a value this batch turned into an alert', async () => {
    // Prepare: a and b held; writer A completes the threshold, writer B repeats a
    const store = new InMemoryAlertStateStore();
    const base = await aggregate([spread(0, 'a-bucket'), spread(1, 'b-bucket')], store);
    await base.aggregator.commit([]);
    const a = await aggregate([spread(2, 'c-bucket')], store);
    const b = await aggregate([spread(3, 'a-bucket')], store);

    // Act: B commits first, A merges into B's state
    await b.aggregator.commit([]);
    await a.aggregator.commit([]);

    // Assess: one group holds all four findings; nothing is left held inside it
    const state = (await store.get(REF))?.state;
    expect(a.alerts).toHaveLength(1);
    expect(state?.groups.map((g) => [g.count, g.values?.length])).toEqual([[4, 3]]);
    expect(state?.pending).toEqual([]);
  });
});

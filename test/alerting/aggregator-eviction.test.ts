import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { Detector, Finding } from '../../detectors/types.js';
import { identities } from '../helpers/events.js';
import {
  at,
  bucketPolicyBurst,
  bucketPolicyChanged,
  bucketPolicyNewPrincipal,
  findingFor,
  onDay,
  policyEvent,
} from './fixtures.js';

/** `user` changes the policy of `bucket` at `minute`: one held finding of the 5-in-5-minutes burst detector. */
const change = (
  user: string,
  minute: number,
  bucket = 'data-bucket',
  detector = bucketPolicyBurst,
) =>
  findingFor(policyEvent(at(minute), bucket, { userIdentity: identities.iamUser(user) }), detector);

/** One finding for each of `count` principals named `prefix-<i>` (a flood of distinct keys). */
const flood = (prefix: string, count: number, minute: number, detector = bucketPolicyBurst) =>
  Array.from({ length: count }, (_, i) =>
    change(`${prefix}-${i}`, minute, 'data-bucket', detector),
  );

/** Processes every finding as it is added, so each one meets the caps (bufferSize 1). */
function aggregatorWith(limits: ConstructorParameters<typeof AlertAggregator>[0] = {}) {
  return new AlertAggregator({ bufferSize: 1, ...limits });
}

const otherBurst: Detector = { ...bucketPolicyBurst, id: 'test-other-burst' };

describe('AlertAggregator: state limits under floods', () => {
  it('evicts one sub-threshold key when N + 1 keys meet a cap of N, and counts it', async () => {
    // Prepare: a cap of 5 keys per detector; 6 principals, one held finding each
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5 } });

    // Act
    await aggregator.addAll(flood('user', 6, 0));
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toEqual([]);
    expect(stats.belowThreshold).toEqual({ findings: 5, keys: 5 });
    expect(stats.evicted).toEqual({
      keys: 1,
      findings: 1,
      severeFindings: 0,
      firstSeenMarks: 0,
      unmarkedEvents: 0,
    });
  });

  it('evicts the least recently used of equal keys: the oldest key starts over', async () => {
    // Prepare: user-0 is evicted by user-5; its next four findings are not enough
    // on their own, while user-5 (kept) reaches the threshold with four more
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5 } });
    await aggregator.addAll(flood('user', 6, 0));

    // Act
    for (const minute of [1, 2, 3, 4]) {
      await aggregator.addAll([change('user-0', minute), change('user-5', minute)]);
    }
    const { alerts } = await aggregator.flush();

    // Assess
    expect(alerts.map((a) => a.principal)).toEqual(['arn:aws:iam::111122223333:user/user-5']);
  });

  it('keeps a real burst among a flood of one-finding keys: the fewest findings go first', async () => {
    // Prepare: mallory's five failures interleaved with 70 one-off principals, cap 5
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5 } });
    const findings: Finding[] = [change('mallory', 0), ...flood('a', 3, 0)];
    for (const [i, minute] of [1, 2, 3].entries()) {
      findings.push(change('mallory', minute), ...flood(`f${i}`, 20, minute));
    }
    findings.push(change('mallory', 4));

    // Act
    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      principal: 'arn:aws:iam::111122223333:user/mallory',
      count: 5,
    });
    expect(stats.evicted?.keys).toBe(stats.evicted?.findings);
    expect((stats.evicted?.keys ?? 0) + stats.belowThreshold.keys).toBe(63);
    expect(stats.belowThreshold.keys).toBeLessThanOrEqual(5);
  });

  it('still raises the critical alert among a flood, holding at most the cap of keys', async () => {
    // Prepare: 2,000 one-off principals around one critical finding of another detector
    const critical = {
      ...change('mallory', 30, 'data-bucket', bucketPolicyChanged),
      severity: 'critical' as const,
    };
    const findings = [...flood('before', 1000, 29), critical, ...flood('after', 1000, 31)];
    const aggregator = new AlertAggregator({
      bufferSize: 10,
      limits: { maxKeys: 50, maxKeysPerDetector: 20 },
    });

    // Act
    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', detector: bucketPolicyChanged.id });
    expect(stats.belowThreshold.keys).toBeLessThanOrEqual(20);
    expect(stats.evicted?.keys).toBe(2000 - stats.belowThreshold.keys);
    expect(stats.evicted?.findings).toBe(2000 - stats.belowThreshold.findings);
  });

  it('never evicts a key whose alert is due, even past the cap', async () => {
    // Prepare: 4 principals reach the threshold (4 due alerts, cap 3), then 20 one-off ones
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 3 } });
    const bursts = ['p0', 'p1', 'p2', 'p3'].flatMap((user) =>
      [0, 1, 2, 3, 4].map((minute) => change(user, minute)),
    );

    // Act
    await aggregator.addAll([...bursts, ...flood('flood', 20, 5)]);
    const { alerts, stats } = await aggregator.flush();

    // Assess: every due alert, with every finding; only one-off keys went, and
    // the due keys did not use up the budget of the keys still counting
    expect(alerts.map((a) => a.count)).toEqual([5, 5, 5, 5]);
    expect(stats.belowThreshold.keys).toBe(3);
    expect(stats.evicted?.keys).toBe(17);
  });

  it('keeps an alert left due by a failed publish when its batch is redelivered amid a flood', async () => {
    // Prepare: mallory's burst alerted, but the publish failed (nothing committed as sent)
    const store = new InMemoryAlertStateStore();
    const burst = [0, 1, 2, 3, 4].map((minute) => change('mallory', minute));
    const first = new AlertAggregator({ store });
    await first.addAll(burst);
    const [alert] = (await first.flush()).alerts;
    await first.commit([]);

    // Act: the same findings again (all duplicates now), then a flood, cap 2
    const retry = new AlertAggregator({ store, bufferSize: 1, limits: { maxKeysPerDetector: 2 } });
    await retry.addAll([
      ...burst.map((f) => ({ ...f, event: structuredClone(f.event) })),
      ...flood('f', 20, 5),
    ]);
    const { alerts, stats } = await retry.flush();

    // Assess
    expect(alerts.map((a) => a.id)).toEqual([alert?.id]);
    expect(stats.duplicates).toBe(5);
    expect(stats.evicted?.keys).toBe(18);
  });

  it('keeps every due alert of a non-threshold detector past the cap (they fold into storms, not out)', async () => {
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 3, maxKeys: 3 } });

    await aggregator.addAll(flood('user', 10, 0, bucketPolicyChanged));
    const { alerts, stats } = await aggregator.flush();

    expect(alerts).toHaveLength(10);
    expect(stats.evicted?.keys).toBe(0);
  });

  it('evicts a key holding a high finding only after every less severe one', async () => {
    // Prepare: the oldest key holds a high finding (prod-* buckets are high); 30 medium keys follow
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5 } });
    const findings = [change('mallory', 0, 'prod-data'), ...flood('f', 30, 1)];
    for (const minute of [2, 3, 4, 4.5]) findings.push(change('mallory', minute, 'prod-data'));

    // Act
    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'high', count: 5 });
    expect(stats.evicted).toMatchObject({
      keys: 30 - stats.belowThreshold.keys,
      severeFindings: 0,
    });
    expect(stats.belowThreshold.keys).toBeLessThanOrEqual(5);
  });

  it('counts the high findings it had to evict when nothing less severe was left', async () => {
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5 } });

    await aggregator.addAll(Array.from({ length: 8 }, (_, i) => change(`u${i}`, 0, `prod-${i}`)));
    const { stats } = await aggregator.flush();

    expect(stats.evicted).toMatchObject({ keys: 3, findings: 3, severeFindings: 3 });
  });

  it("does not evict a quiet detector's keys for another detector's flood", async () => {
    // Prepare: the other detector holds 3 keys at 4 of 5; this one floods 50 keys
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 5, maxKeys: 100 } });
    const held = ['q0', 'q1', 'q2'].flatMap((user) =>
      [0, 1, 2, 3].map((minute) => change(user, minute, 'data-bucket', otherBurst)),
    );
    const completing = ['q0', 'q1', 'q2'].map((user) => change(user, 4, 'data-bucket', otherBurst));

    // Act
    await aggregator.addAll([...held, ...flood('f', 50, 2), ...completing]);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts.map((a) => `${a.detector} ${a.count}`)).toEqual([
      'test-other-burst 5',
      'test-other-burst 5',
      'test-other-burst 5',
    ]);
    expect(stats.evicted?.keys).toBe(45);
  });

  it('over the overall cap, takes keys from the detector holding the most', async () => {
    const aggregator = aggregatorWith({ limits: { maxKeysPerDetector: 100, maxKeys: 10 } });
    const held = ['q0', 'q1', 'q2'].flatMap((user) =>
      [0, 1, 2, 3].map((minute) => change(user, minute, 'data-bucket', otherBurst)),
    );
    const completing = ['q0', 'q1', 'q2'].map((user) => change(user, 4, 'data-bucket', otherBurst));

    await aggregator.addAll([...held, ...flood('f', 30, 2), ...completing]);
    const { alerts, stats } = await aggregator.flush();

    expect(alerts.map((a) => a.detector)).toEqual(Array(3).fill('test-other-burst'));
    expect(stats.belowThreshold.keys).toBeLessThanOrEqual(10);
    expect(stats.evicted?.keys).toBe(30 - stats.belowThreshold.keys);
  });

  it('counts events past maxFingerprints without remembering them for dedup', async () => {
    // Prepare: 5 events of one key, then the same 5 delivered again; 3 fingerprints kept
    const aggregator = new AlertAggregator({ limits: { maxFingerprints: 3 } });
    const events = [0, 1, 2, 3, 4].map((minute) =>
      change('alice', minute, 'data-bucket', bucketPolicyChanged),
    );

    // Act
    await aggregator.addAll([
      ...events,
      ...events.map((f) => ({ ...f, event: structuredClone(f.event) })),
    ]);
    const { alerts, stats } = await aggregator.flush();

    // Assess: 3 redeliveries recognised; the 2 others counted again (more, never fewer)
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(7);
    expect(stats.duplicates).toBe(3);
    expect(stats.evicted?.unmarkedEvents).toBe(4);
  });

  it('drops the least recently sighted first-seen marks past the cap: those keys alert again', async () => {
    // Prepare: 30 principals learned on days 0-6 (cap 10 marks); all of them again on day 8
    const newPrincipal = (user: string, day: number) =>
      findingFor(
        policyEvent(onDay(day), 'data-bucket', { userIdentity: identities.iamUser(user) }),
        bucketPolicyNewPrincipal,
      );
    const learning = Array.from({ length: 30 }, (_, i) =>
      newPrincipal(`user-${i}`, (i / 30) * 6.9),
    );
    const aggregator = aggregatorWith({ limits: { maxFirstSeenMarks: 10 } });

    // Act
    await aggregator.addAll(learning);
    await aggregator.addAll([newPrincipal('user-29', 8), newPrincipal('user-0', 8)]);
    const { alerts, stats } = await aggregator.flush();

    // Assess: user-0's sighting was dropped, so it is new again; user-29's was kept
    expect(stats.learned).toBe(30);
    expect(stats.alreadyKnown).toBe(1);
    expect(alerts.map((a) => a.principal)).toEqual(['arn:aws:iam::111122223333:user/user-0']);
    expect(stats.evicted?.firstSeenMarks).toBeGreaterThanOrEqual(20);
  });
});

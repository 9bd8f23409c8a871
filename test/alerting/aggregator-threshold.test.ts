import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { at, bucketPolicyBurst, findingFor, policyEvent } from './fixtures.js';

const burst = (minutes: readonly number[]) =>
  minutes.map((m) => findingFor(policyEvent(at(m)), bucketPolicyBurst));

describe('AlertAggregator: thresholds', () => {
  it('holds findings below the threshold and reports how many', async () => {
    // Prepare: 4 of the 5 needed within 5 minutes
    const aggregator = new AlertAggregator();

    // Act
    await aggregator.addAll(burst([0, 1, 2, 3]));
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toEqual([]);
    expect(stats.belowThreshold).toEqual({ findings: 4, keys: 1 });
  });

  it('raises one alert at the threshold that counts and lists the findings before it', async () => {
    const findings = burst([0, 1, 2, 3, 4, 6, 9]);
    const aggregator = new AlertAggregator();

    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(7);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:00:00.000Z');
    expect(alerts[0]?.eventIds).toEqual(findings.map((f) => f.event.eventID));
    expect(stats.belowThreshold).toEqual({ findings: 0, keys: 0 });
  });

  it('does not fire when the findings are spread wider than the threshold window', async () => {
    const aggregator = new AlertAggregator();

    await aggregator.addAll(burst([0, 2, 4, 6, 8, 10, 12, 14]));
    const { alerts, stats } = await aggregator.flush();

    expect(alerts).toEqual([]);
    expect(stats.belowThreshold.findings).toBe(8);
  });

  it('counts a window of exactly the threshold length', async () => {
    const aggregator = new AlertAggregator();

    await aggregator.addAll(burst([0, 1, 2, 3, 5]));

    expect((await aggregator.flush()).alerts).toHaveLength(1);
  });

  it('fires on the same burst arriving out of order', async () => {
    const aggregator = new AlertAggregator();

    await aggregator.addAll(burst([30, 4, 0, 3, 1, 2]));
    const { alerts, stats } = await aggregator.flush();

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:00:00.000Z');
    // 10:30 is inside the hour-long dedup window that the burst opened.
    expect(alerts[0]?.count).toBe(6);
    expect(stats.belowThreshold.findings).toBe(0);
  });

  it('leaves earlier stragglers held when a later burst fires', async () => {
    const aggregator = new AlertAggregator();

    await aggregator.addAll(burst([0, 20, 21, 22, 23, 24]));
    const { alerts, stats } = await aggregator.flush();

    expect(alerts.map((a) => [a.count, a.firstSeen])).toEqual([[5, '2026-11-20T10:20:00.000Z']]);
    expect(stats.belowThreshold.findings).toBe(1);
  });

  it('does not count a redelivered event towards the threshold', async () => {
    const redelivered = policyEvent(at(0));
    const events = [redelivered, ...[1, 2, 3].map((m) => policyEvent(at(m)))];
    const aggregator = new AlertAggregator();

    await aggregator.addAll(events.map((e) => findingFor(e, bucketPolicyBurst)));
    await aggregator.add(findingFor(structuredClone(redelivered), bucketPolicyBurst));
    const { alerts, stats } = await aggregator.flush();

    expect(alerts).toEqual([]);
    expect(stats.duplicates).toBe(1);
  });

  it('reaches the threshold across Lambda batches through the store', async () => {
    // Prepare: two invocations share one store
    const store = new InMemoryAlertStateStore();
    const first = new AlertAggregator({ store });
    await first.addAll(burst([0, 1, 2]));
    expect((await first.flush()).alerts).toEqual([]);
    await first.commit([]);

    // Act
    const second = new AlertAggregator({ store });
    await second.addAll(burst([3, 4]));
    const { alerts } = await second.flush();

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(5);
    expect(alerts[0]?.eventIds).toHaveLength(5);
  });
});

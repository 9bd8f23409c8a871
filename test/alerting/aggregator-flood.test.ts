import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { Finding } from '../../detectors/types.js';
import { ACCOUNT, identities } from '../helpers/events.js';
import {
  at,
  bucketPolicyChanged,
  bucketPolicyNewPrincipal,
  bucketPolicySpread,
  findingFor,
  onDay,
  policyEvent,
} from './fixtures.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live JS heap plus typed-array backing stores (where the seen-event set lives). */
function heapUsed(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('AlertAggregator: floods and storms', () => {
  it('turns 200,000 findings with one key into one alert without keeping them', async () => {
    // Prepare: every finding shares one key and is built on the fly, so only the
    // aggregator can keep it alive.
    const template = findingFor(policyEvent(at(0)));
    const total = 200_000;
    const aggregator = new AlertAggregator();
    const before = heapUsed();

    // Act
    for (let i = 0; i < total; i++) {
      const event = policyEvent(at((i / total) * 59), 'data-bucket', {
        userAgent: `flood-${i}-${'x'.repeat(200)}`,
      });
      const finding: Finding = { ...template, event, summary: `flood ${i} ${'y'.repeat(200)}` };
      await aggregator.add(finding);
    }
    const grown = heapUsed() - before;
    const { alerts } = await aggregator.flush();

    // Assess: ~1 KB per finding if they were kept (200 MB); the seen-event set
    // costs 16 bytes each.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(total);
    expect(alerts[0]?.eventIds).toHaveLength(50);
    expect(grown).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);

  it('caps alerts per detector and folds the rest into one storm alert', async () => {
    // Prepare: 10 principals, one of them later and critical
    const findings = Array.from({ length: 10 }, (_, i) =>
      findingFor(policyEvent(at(i), 'data-bucket', { userIdentity: identities.iamUser(`u${i}`) })),
    );
    findings.push({ ...findingFor(policyEvent(at(30))), severity: 'critical' });
    findings.push(findingFor(policyEvent(at(31))));
    const aggregator = new AlertAggregator({ maxAlertsPerDetector: 3 });

    // Act
    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toHaveLength(4);
    const [critical, ...rest] = alerts;
    expect(critical?.severity).toBe('critical');
    const storm = alerts.find((a) => a.suppressedAlerts !== undefined);
    expect(storm).toMatchObject({
      title: 'Alert storm: Test: bucket policy changed',
      dedupKey: 'storm',
      suppressedAlerts: 8,
      severity: 'medium',
      principal: 'multiple',
      account: '111122223333',
    });
    expect(storm?.summary).toMatch(/^8 more alerts of test-bucket-policy-changed/);
    expect(rest.filter((a) => a !== storm).map((a) => a.firstSeen)).toEqual([
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T10:01:00.000Z',
    ]);
    // Nothing silently dropped: every finding is counted in some alert.
    expect(alerts.reduce((sum, a) => sum + a.count, 0)).toBe(findings.length);
    expect(stats.suppressedAlerts).toBe(8);
  });

  it('applies the cap per detector, not across detectors', async () => {
    const other = { ...bucketPolicyChanged, id: 'test-other' };
    const findings = [0, 1, 2].flatMap((i) => {
      const event = policyEvent(at(i), 'data-bucket', {
        userIdentity: identities.iamUser(`u${i}`),
      });
      return [findingFor(event), findingFor(event, other)];
    });
    const aggregator = new AlertAggregator({ maxAlertsPerDetector: 3 });

    await aggregator.addAll(findings);
    const { alerts } = await aggregator.flush();

    expect(alerts).toHaveLength(6);
    expect(alerts.some((a) => a.suppressedAlerts)).toBe(false);
  });

  it('marks every folded alert as published when the storm alert is', async () => {
    const findings = Array.from({ length: 5 }, (_, i) =>
      findingFor(policyEvent(at(i), 'data-bucket', { userIdentity: identities.iamUser(`u${i}`) })),
    );
    const aggregator = new AlertAggregator({ maxAlertsPerDetector: 2 });
    await aggregator.addAll(findings);
    const first = await aggregator.flush();

    await aggregator.commit(first.alerts.map((a) => a.id));
    await aggregator.addAll(findings.map((f) => ({ ...f, event: structuredClone(f.event) })));
    const second = await aggregator.flush();

    expect(first.alerts).toHaveLength(3);
    expect(second.alerts).toEqual([]);
  });

  it('gives the storm alert the same id for the same folded alerts in any order', async () => {
    const findings = Array.from({ length: 6 }, (_, i) =>
      findingFor(policyEvent(at(i), 'data-bucket', { userIdentity: identities.iamUser(`u${i}`) })),
    );
    const stormOf = async (list: readonly Finding[]) => {
      const aggregator = new AlertAggregator({ maxAlertsPerDetector: 1 });
      await aggregator.addAll(list);
      return (await aggregator.flush()).alerts.find((a) => a.suppressedAlerts)?.id;
    };

    expect(await stormOf(findings)).toBe(await stormOf([...findings].reverse()));
  });

  it('keeps a distinct-threshold key within a DynamoDB item whatever the flood', async () => {
    // Prepare: 50,000 findings in one hour, every one a different 1 KB bucket name
    const template = findingFor(policyEvent(at(0)), bucketPolicySpread);
    const total = 50_000;
    const store = new InMemoryAlertStateStore();
    const aggregator = new AlertAggregator({ store });

    // Act
    for (let i = 0; i < total; i++) {
      const bucket = `${i}-${'b'.repeat(1000)}`;
      await aggregator.add({
        ...template,
        event: policyEvent(at((i / total) * 59), bucket),
        distinctValue: bucket,
      });
    }
    const { alerts } = await aggregator.flush();
    await aggregator.commit([]);

    // Assess: one alert counting everything; stored state far below the 400 KB item limit
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(total);
    expect(alerts[0]?.summary).toContain('more than 100 distinct values');
    const stored = await store.get({
      detectorId: bucketPolicySpread.id,
      dedupKey: template.dedupKey,
    });
    expect(JSON.stringify(stored?.state).length).toBeLessThan(64 * 1024);
  }, 60_000);

  it('folds a wave of new first-seen keys into one storm alert after the cap', async () => {
    // Prepare: one principal learned on day 0; 5,000 new ones on day 10
    const learned = findingFor(policyEvent(onDay(0)), bucketPolicyNewPrincipal);
    const wave = Array.from({ length: 5000 }, (_, i) =>
      findingFor(
        policyEvent(onDay(10, i / 100), 'data-bucket', {
          userIdentity: identities.iamUser(`new-${i}`),
        }),
        bucketPolicyNewPrincipal,
      ),
    );
    const aggregator = new AlertAggregator({ maxAlertsPerDetector: 100 });

    // Act
    await aggregator.addAll([learned, ...wave]);
    const { alerts, stats } = await aggregator.flush();

    // Assess
    expect(alerts).toHaveLength(101);
    expect(alerts.find((a) => a.suppressedAlerts)?.suppressedAlerts).toBe(4900);
    expect(alerts.reduce((sum, a) => sum + a.count, 0)).toBe(5000);
    expect(stats).toMatchObject({ learned: 1, alreadyKnown: 0, suppressedAlerts: 4900 });
  }, 60_000);

  it('learns a flood of keys without alerting or holding their findings', async () => {
    const keys = 2000;
    const findings = Array.from({ length: 20_000 }, (_, i) =>
      findingFor(
        policyEvent(onDay((i / 20_000) * 6.9), 'data-bucket', {
          userIdentity: identities.iamUser(`user-${i % keys}`),
          recipientAccountId: ACCOUNT,
        }),
        bucketPolicyNewPrincipal,
      ),
    );
    const store = new InMemoryAlertStateStore();
    const aggregator = new AlertAggregator({ store });

    await aggregator.addAll(findings);
    const { alerts, stats } = await aggregator.flush();
    await aggregator.commit([]);

    expect(alerts).toEqual([]);
    expect(stats.learned).toBe(20_000);
    expect(store.size).toBe(0);
  }, 60_000);
});

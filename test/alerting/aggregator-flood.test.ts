import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import type { Finding } from '../../detectors/types.js';
import { identities } from '../helpers/events.js';
import { at, bucketPolicyChanged, findingFor, policyEvent } from './fixtures.js';

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
});

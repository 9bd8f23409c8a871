import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { ALERT_SCHEMA_VERSION, MAX_EVENT_IDS, MAX_RESOURCES } from '../../alerting/alert.js';
import type { Finding } from '../../detectors/types.js';
import { ACCOUNT, identities, OTHER_ACCOUNT } from '../helpers/events.js';
import { at, bucketPolicyChanged, findingFor, policyEvent } from './fixtures.js';

async function aggregate(findings: readonly Finding[], aggregator = new AlertAggregator()) {
  await aggregator.addAll(findings);
  return aggregator.flush();
}

describe('AlertAggregator: dedup windows', () => {
  it('groups findings with one key inside the window into one complete alert', async () => {
    // Prepare
    const events = [policyEvent(at(0)), policyEvent(at(10)), policyEvent(at(59))];

    // Act
    const { alerts, stats } = await aggregate(events.map((e) => findingFor(e)));

    // Assess
    expect(alerts).toHaveLength(1);
    const alert = alerts[0];
    expect(alert).toMatchObject({
      schemaVersion: ALERT_SCHEMA_VERSION,
      detector: 'test-bucket-policy-changed',
      title: 'Test: bucket policy changed',
      severity: 'medium',
      count: 3,
      firstSeen: '2026-11-20T10:00:00.000Z',
      lastSeen: '2026-11-20T10:59:00.000Z',
      account: ACCOUNT,
      region: 'eu-west-1',
      principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
      sourceIp: '203.0.113.10',
      resources: ['arn:aws:s3:::data-bucket'],
      eventIds: events.map((e) => e.eventID),
      runbook: {
        id: 's3-public-exposure',
        title: 'S3 bucket or object exposed publicly',
        url: 'https://github.com/trailwatch/trailwatch/blob/main/docs/runbooks/s3-public-exposure.md',
      },
      attack: ['T1098'],
      investigate: [],
    });
    expect(alert?.summary).toBe(
      `arn:aws:iam::${ACCOUNT}:user/alice changed the policy of data-bucket (and 2 more)`,
    );
    expect(alert?.dedupKey).toBe(`${ACCOUNT}|arn:aws:iam::${ACCOUNT}:user/alice|data-bucket`);
    expect(stats).toMatchObject({ findings: 3, duplicates: 0, alerts: 1, suppressedAlerts: 0 });
  });

  it('does not say "and N more" for a single finding', async () => {
    const { alerts } = await aggregate([findingFor(policyEvent(at(0)))]);

    expect(alerts[0]?.summary).not.toContain('more');
    expect(alerts[0]?.count).toBe(1);
  });

  it('starts a new alert for a finding beyond the window of the first', async () => {
    const findings = [at(0), at(30), at(60)].map((t) => findingFor(policyEvent(t)));

    const { alerts } = await aggregate(findings);

    expect(alerts.map((a) => [a.count, a.firstSeen])).toEqual([
      [2, '2026-11-20T10:00:00.000Z'],
      [1, '2026-11-20T11:00:00.000Z'],
    ]);
    expect(alerts[0]?.id).not.toBe(alerts[1]?.id);
  });

  it('keeps different dedup keys apart', async () => {
    const findings = [
      findingFor(policyEvent(at(0), 'a-bucket')),
      findingFor(policyEvent(at(1), 'b-bucket')),
      findingFor(policyEvent(at(2), 'a-bucket', { userIdentity: identities.iamUser('bob') })),
    ];

    const { alerts } = await aggregate(findings);

    expect(alerts).toHaveLength(3);
    expect(alerts.every((a) => a.count === 1)).toBe(true);
  });

  it('raises the alert to the highest severity and summarises that finding', async () => {
    // Prepare: same key (dedupKey ignores severity) via an explicit finding override
    const low = findingFor(policyEvent(at(0)));
    const high: Finding = { ...findingFor(policyEvent(at(5))), severity: 'critical' };
    const later = findingFor(policyEvent(at(9)));

    // Act
    const { alerts } = await aggregate([low, high, later]);

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.severity).toBe('critical');
    expect(alerts[0]?.summary).toBe(`${high.summary} (and 2 more)`);
  });

  it('gives the same id for the same detector, key and window, and a sha256 of them', async () => {
    const events = [policyEvent(at(0)), policyEvent(at(3))];
    const first = await aggregate(events.map((e) => findingFor(e)));
    const again = await aggregate([...events].reverse().map((e) => findingFor(e)));

    const expected = createHash('sha256')
      .update(
        `test-bucket-policy-changed\n${ACCOUNT}|arn:aws:iam::${ACCOUNT}:user/alice|data-bucket\n2026-11-20T10:00:00.000Z`,
      )
      .digest('hex');
    expect(first.alerts[0]?.id).toBe(expected);
    expect(again.alerts[0]?.id).toBe(expected);
  });

  it('lists event ids earliest first, unique, and capped; count keeps the total', async () => {
    const findings = Array.from({ length: MAX_EVENT_IDS + 10 }, (_, i) =>
      findingFor(policyEvent(at(59 - i / 2))),
    );

    const { alerts } = await aggregate(findings);

    const alert = alerts[0];
    expect(alert?.count).toBe(MAX_EVENT_IDS + 10);
    expect(alert?.eventIds).toHaveLength(MAX_EVENT_IDS);
    const earliest = findings.slice(-MAX_EVENT_IDS).reverse();
    expect(alert?.eventIds).toEqual(earliest.map((f) => f.event.eventID));
  });

  it('lists distinct resources, capped', async () => {
    const base = findingFor(policyEvent(at(0)));
    const findings = Array.from({ length: MAX_RESOURCES + 5 }, (_, i) => ({
      ...findingFor(policyEvent(at(1))),
      dedupKey: base.dedupKey,
      resources: [`arn:aws:s3:::bucket-${i % (MAX_RESOURCES + 2)}`, 'arn:aws:s3:::shared'],
    }));

    const { alerts } = await aggregate(findings);

    const resources = alerts[0]?.resources ?? [];
    expect(resources).toHaveLength(MAX_RESOURCES);
    expect(new Set(resources).size).toBe(MAX_RESOURCES);
    expect(resources.slice(0, 3)).toEqual([
      'arn:aws:s3:::bucket-0',
      'arn:aws:s3:::shared',
      'arn:aws:s3:::bucket-1',
    ]);
  });
});

describe('AlertAggregator: event time and order', () => {
  it('moves an unpublished window back to an earlier, late-arriving finding', async () => {
    // Prepare: 10:30 arrives first, then 10:00, then 10:50 (all within one hour of 10:00)
    const events = [policyEvent(at(30)), policyEvent(at(0)), policyEvent(at(50))];

    // Act
    const { alerts } = await aggregate(events.map((e) => findingFor(e)));

    // Assess
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.firstSeen).toBe('2026-11-20T10:00:00.000Z');
    expect(alerts[0]?.eventIds).toEqual([events[1], events[0], events[2]].map((e) => e?.eventID));
  });

  it('opens a separate window when a late finding would stretch the group beyond one window', async () => {
    const events = [policyEvent(at(30)), policyEvent(at(80)), policyEvent(at(0))];

    const { alerts } = await aggregate(events.map((e) => findingFor(e)));

    expect(alerts.map((a) => a.count).sort()).toEqual([1, 2]);
    expect(alerts.reduce((sum, a) => sum + a.count, 0)).toBe(3);
  });

  it('uses event time, not arrival: a day-old scan still groups by the hour', async () => {
    const findings = [at(-1440), at(-1430), at(0)].map((t) => findingFor(policyEvent(t)));

    const { alerts } = await aggregate(findings);

    expect(alerts.map((a) => a.count)).toEqual([2, 1]);
  });

  it('counts a finding whose eventTime is not a date instead of dropping it', async () => {
    const odd = findingFor(policyEvent(at(0)));
    const broken: Finding = { ...odd, event: { ...odd.event, eventTime: 'yesterday-ish' } };

    const { alerts, stats } = await aggregate([broken]);

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.firstSeen).toBe('1970-01-01T00:00:00.000Z');
    expect(stats.invalidEventTimes).toBe(1);
  });
});

describe('AlertAggregator: redelivered events', () => {
  it('counts the same eventID + account once per detector', async () => {
    // Prepare: the S3 copy and the EventBridge copy of one event
    const event = policyEvent(at(0));
    const copy = structuredClone(event);

    // Act
    const { alerts, stats } = await aggregate([findingFor(event), findingFor(copy)]);

    // Assess
    expect(alerts[0]?.count).toBe(1);
    expect(alerts[0]?.eventIds).toEqual([event.eventID]);
    expect(stats.duplicates).toBe(1);
  });

  it('counts the same eventID in another account as another event', async () => {
    const event = policyEvent(at(0));
    const other = { ...structuredClone(event), recipientAccountId: OTHER_ACCOUNT };
    const sameKey = { ...findingFor(other), dedupKey: findingFor(event).dedupKey };

    const { alerts } = await aggregate([findingFor(event), sameKey]);

    expect(alerts[0]?.count).toBe(2);
  });

  it('counts the event once for each detector that matched it', async () => {
    const event = policyEvent(at(0));
    const otherDetector = { ...bucketPolicyChanged, id: 'test-other' };

    const { alerts } = await aggregate([
      findingFor(event),
      findingFor(event, otherDetector),
      findingFor(structuredClone(event), otherDetector),
    ]);

    expect(alerts.map((a) => [a.detector, a.count]).sort()).toEqual([
      ['test-bucket-policy-changed', 1],
      ['test-other', 1],
    ]);
  });

  it('counts records without an eventID every time (they cannot be told apart)', async () => {
    const event = policyEvent(at(0), 'data-bucket', { eventID: undefined });

    const { alerts, stats } = await aggregate([findingFor(event), findingFor(event)]);

    expect(alerts[0]?.count).toBe(2);
    expect(stats.duplicates).toBe(0);
  });
});

describe('AlertAggregator: odd findings', () => {
  it('bounds a huge dedup key and odd fields without throwing', async () => {
    const finding = findingFor(policyEvent(at(0)));
    const odd = {
      ...finding,
      dedupKey: 'k'.repeat(100_000),
      resources: 'not-a-list',
      summary: 42,
    } as unknown as Finding;

    const second = { ...odd, event: policyEvent(at(1)) } as unknown as Finding;

    const { alerts } = await aggregate([odd, second]);

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.dedupKey.length).toBeLessThanOrEqual(512);
    expect(alerts[0]?.dedupKey).toMatch(/#sha256:[0-9a-f]{64}$/);
    expect(alerts[0]?.resources).toEqual([]);
    expect(alerts[0]?.summary).toBe('Test: bucket policy changed (and 1 more)');
  });

  it('keeps two long keys that share a prefix apart', async () => {
    const finding = findingFor(policyEvent(at(0)));
    const a = { ...finding, dedupKey: `${'k'.repeat(1000)}a` };
    const b = { ...findingFor(policyEvent(at(1))), dedupKey: `${'k'.repeat(1000)}b` };

    const { alerts } = await aggregate([a, b]);

    expect(alerts).toHaveLength(2);
  });
});

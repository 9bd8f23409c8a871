import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import { MIN_DISTINCT_CAP } from '../../alerting/window-config.js';
import type { Finding } from '../../detectors/types.js';
import { commandSpread } from '../helpers/command-spread-detector.js';
import { cloudTrailEvent } from '../helpers/events.js';
import { at, findingFor } from './fixtures.js';

/** One SendCommand at `minutes` on `instanceIds`, as CloudTrail records it. */
function sendCommand(minutes: number, instanceIds: readonly string[]): Finding {
  const event = cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    eventTime: at(minutes),
    requestParameters: {
      instanceIds: [...instanceIds],
      documentName: 'AWS-RunShellScript',
      parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      interactive: false,
    },
  });
  return findingFor(event, commandSpread);
}

async function aggregate(findings: readonly Finding[], store?: AlertStateStore) {
  const aggregator = new AlertAggregator(store ? { store } : {});
  await aggregator.addAll(findings);
  return { aggregator, ...(await aggregator.flush()) };
}

describe('AlertAggregator: findings with several distinct values', () => {
  it('fires on one call naming enough values, counting the call once', async () => {
    const { alerts, stats } = await aggregate([sendCommand(0, ['i-0a', 'i-0b', 'i-0c'])]);

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(1);
    expect(alerts[0]?.summary).toMatch(/ \(3 distinct values\)$/);
    expect(stats.belowThreshold).toEqual({ findings: 0, keys: 0 });
  });

  it('does not fire on a call naming fewer values, and holds it as one finding', async () => {
    const { alerts, stats } = await aggregate([sendCommand(0, ['i-0a', 'i-0b', 'i-0a'])]);

    expect(alerts).toEqual([]);
    expect(stats.belowThreshold).toEqual({ findings: 1, keys: 1 });
  });

  it('counts the values of several calls together, and each call once', async () => {
    // Prepare: 4 calls, 2 instances between them, then a third instance
    const twoInstances = [
      sendCommand(0, ['i-0a']),
      sendCommand(1, ['i-0a', 'i-0b']),
      sendCommand(2, ['i-0b']),
      sendCommand(2.5, ['i-0b', 'i-0a']),
    ];

    // Act
    const below = await aggregate(twoInstances);
    const reached = await aggregate([...twoInstances, sendCommand(3, ['i-0c'])]);

    // Assess
    expect(below.alerts).toEqual([]);
    expect(below.stats.belowThreshold).toEqual({ findings: 4, keys: 1 });
    expect(reached.alerts.map((a) => [a.count, a.firstSeen])).toEqual([
      [5, '2026-11-20T10:00:00.000Z'],
    ]);
    expect(reached.alerts[0]?.summary).toContain('3 distinct values');
  });

  it('counts distinctValue and distinctValues together, each value once', async () => {
    // Prepare: the same values given both ways overlap; a third only in distinctValue
    const both = { ...sendCommand(0, ['i-0a', 'i-0b']), distinctValue: 'i-0a' };
    const third = { ...sendCommand(1, []), distinctValue: 'i-0c' };

    const overlap = await aggregate([both]);
    const union = await aggregate([both, third]);

    expect(overlap.alerts).toEqual([]);
    expect(union.alerts.map((a) => [a.count, a.summary.endsWith('3 distinct values)')])).toEqual([
      [2, true],
    ]);
  });

  it('ignores values that are not non-empty strings', async () => {
    // Prepare: junk around one real value; a non-array counts as "no value"
    const junk = {
      ...sendCommand(0, []),
      distinctValues: ['', 42, null, 'i-0a'] as unknown as string[],
    };
    const notAList = { ...sendCommand(1, []), distinctValues: 'i-0b' as unknown as string[] };
    const noValue = sendCommand(2, []);

    const { alerts, stats } = await aggregate([junk, notAList, noValue]);

    // i-0a and the shared "no value": two values, three findings
    expect(alerts).toEqual([]);
    expect(stats.belowThreshold).toEqual({ findings: 3, keys: 1 });
  });

  it('remembers at most the cap of values from one call, and says there were more', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`);

    const { alerts } = await aggregate([sendCommand(0, many)]);

    expect(alerts.map((a) => a.count)).toEqual([1]);
    expect(alerts[0]?.summary).toContain(`more than ${MIN_DISTINCT_CAP} distinct values`);
  });

  it('gives the same alert for the same calls in any order, values in any order', async () => {
    const calls: [number, string[]][] = [
      [0, ['i-0a', 'i-0b']],
      [1, ['i-0c']],
      [2, ['i-0b', 'i-0d']],
    ];
    const findings = calls.map(([m, ids]) => sendCommand(m, ids));

    const forward = await aggregate(findings);
    const backward = await aggregate([...findings].reverse());
    const reordered = await aggregate(calls.map(([m, ids]) => sendCommand(m, [...ids].reverse())));

    const shape = (r: typeof forward) => r.alerts.map((a) => [a.id, a.count, a.summary]);
    expect(shape(forward)).toEqual([
      [
        expect.any(String),
        3,
        expect.stringMatching(/on i-0a, i-0b \(and 2 more, 4 distinct values\)$/),
      ],
    ]);
    expect(shape(backward)).toEqual(shape(forward));
    expect(reordered.alerts.map((a) => [a.id, a.count])).toEqual(
      forward.alerts.map((a) => [a.id, a.count]),
    );
  });
});

describe('AlertAggregator: several distinct values across batches', () => {
  it('reaches the count in a later batch, the held call counted once', async () => {
    const store = new InMemoryAlertStateStore();
    const first = await aggregate([sendCommand(0, ['i-0a', 'i-0b'])], store);
    await first.aggregator.commit([]);

    const second = await aggregate([sendCommand(1, ['i-0c'])], store);

    expect(first.alerts).toEqual([]);
    expect(second.alerts.map((a) => a.count)).toEqual([2]);
    expect(second.alerts[0]?.summary).toContain('3 distinct values');
  });

  it('merges two concurrent writers that held calls sharing a value', async () => {
    // Prepare: both read the empty state; together they name a, b and c
    const store = new InMemoryAlertStateStore();
    const a = await aggregate([sendCommand(0, ['i-0a', 'i-0b'])], store);
    const b = await aggregate([sendCommand(1, ['i-0b', 'i-0c'])], store);

    // Act
    await b.aggregator.commit([]);
    await a.aggregator.commit([]);
    const next = await aggregate([sendCommand(2, ['i-0d'])], store);

    // Assess: two held calls merged into one group of 2, then one more
    expect([a.alerts, b.alerts]).toEqual([[], []]);
    expect(next.alerts.map((x) => x.count)).toEqual([3]);
    expect(next.alerts[0]?.summary).toContain('4 distinct values');
  });
});

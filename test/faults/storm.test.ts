import { beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_DETECTOR_ID } from '../../alerting/publishers/summary-alert.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import type { Delivery } from '../hostile/harness.js';
import {
  duplicates,
  logGz,
  logKey,
  notification,
  PipelineHarness,
  STOPPED,
  sqsRecord,
  stopLogging,
} from './support.js';

/**
 * Alert storms: many detectors firing at once reach each SNS topic as at most
 * `TRAILWATCH_ALERTS_PER_TOPIC_PER_MINUTE` messages plus one summary, and one
 * detector firing for many principals is capped by the aggregator first. Nothing
 * is dropped: every alert is sent alone or inside a summary, and counted.
 */

const PER_MINUTE = 20;

/** Every built-in detector's firing examples that need no special settings: one object. */
async function everyDetectorFiring(): Promise<CloudTrailEvent[]> {
  const events: CloudTrailEvent[] = [];
  for (const examples of (await loadExampleFiles(BUILTIN_DETECTORS_DIR)).values()) {
    for (const example of examples.fire) if (!example.settings) events.push(...example.events);
  }
  return events;
}

/** Runs one object through a fresh handler; returns what SNS received, and after a redelivery. */
async function stormRun(events: readonly CloudTrailEvent[], perMinute: number) {
  const harness = new PipelineHarness({ alertsPerMinute: perMinute });
  try {
    harness.objects.set(logKey('storm'), logGz(events));
    const message = sqsRecord('storm', notification([logKey('storm')]));
    const failed = await harness.sqs([message]);
    const first = [...harness.deliveries];
    await harness.sqs([message]);
    return { failed, first, again: harness.deliveries.slice(first.length) };
  } finally {
    harness.restore();
  }
}

function byTopic(deliveries: readonly Delivery[]): Map<string, Delivery[]> {
  const topics = new Map<string, Delivery[]>();
  for (const d of deliveries) topics.set(d.topic, [...(topics.get(d.topic) ?? []), d]);
  return topics;
}

describe('Alert storm across every detector', () => {
  let unlimited: Awaited<ReturnType<typeof stormRun>>;
  let limited: Awaited<ReturnType<typeof stormRun>>;

  beforeAll(async () => {
    const events = await everyDetectorFiring();
    unlimited = await stormRun(events, 1_000_000);
    limited = await stormRun(events, PER_MINUTE);
  }, 120_000);

  it('fires enough detectors to be a storm', () => {
    expect(new Set(unlimited.first.map((d) => d.alert.detector)).size).toBeGreaterThan(80);
  });

  it(`sends each topic at most ${PER_MINUTE} alerts plus one summary`, () => {
    expect(limited.failed).toEqual([]);
    for (const [, sent] of byTopic(limited.first)) {
      const summaries = sent.filter((d) => d.alert.detector === SUMMARY_DETECTOR_ID);
      expect(sent.length - summaries.length).toBeLessThanOrEqual(PER_MINUTE);
      expect(summaries.length).toBeLessThanOrEqual(1);
    }
    expect(limited.first.length).toBeLessThan(unlimited.first.length);
  });

  it('accounts for every alert: sent alone or folded into its topic summary, with all events', () => {
    const singles = limited.first.filter((d) => d.alert.detector !== SUMMARY_DETECTOR_ID);
    const summaries = limited.first.filter((d) => d.alert.detector === SUMMARY_DETECTOR_ID);
    const folded = summaries.reduce((n, d) => n + (d.alert.suppressedAlerts ?? 0), 0);
    expect(singles.length + folded).toBe(unlimited.first.length);
    const events = (ds: readonly Delivery[]) => ds.reduce((n, d) => n + d.alert.count, 0);
    expect(events(limited.first)).toBe(events(unlimited.first));
    // The most urgent go out alone.
    const critical = unlimited.first.filter((d) => d.alert.severity === 'critical').length;
    expect(singles.filter((d) => d.alert.severity === 'critical').length).toBe(
      Math.min(critical, PER_MINUTE),
    );
  });

  it('acknowledges what the summary carried: a redelivery sends nothing', () => {
    expect(limited.again).toEqual([]);
    expect(duplicates(limited.first)).toBe(0);
  });
});

describe('Alert storm from one detector across many principals', () => {
  it('caps 1,000 principals stopping logging at 100 alerts + a storm alert, then the topic budget', async () => {
    // Prepare
    const events = Array.from({ length: 1000 }, (_, i) => stopLogging(`storm-user-${i}`));

    // Act
    const run = await stormRun(events, PER_MINUTE);

    // Assess: per topic at most 20 + a summary; every event still counted.
    expect(run.failed).toEqual([]);
    for (const [, sent] of byTopic(run.first))
      expect(sent.length).toBeLessThanOrEqual(PER_MINUTE + 1);
    const stopped = run.first.filter(
      (d) => d.alert.detector === STOPPED || d.alert.summary.includes(`${STOPPED} x`),
    );
    expect(stopped.length).toBeGreaterThan(0);
    // StopLogging fires two detectors: each 100 alerts + 1 storm alert from the aggregator.
    const singles = run.first.filter((d) => d.alert.detector !== SUMMARY_DETECTOR_ID).length;
    const folded = run.first.reduce(
      (n, d) =>
        n + (d.alert.detector === SUMMARY_DETECTOR_ID ? (d.alert.suppressedAlerts ?? 0) : 0),
      0,
    );
    expect(singles + folded).toBe(2 * (100 + 1));
    expect(run.first.reduce((n, d) => n + d.alert.count, 0)).toBe(2000);
    expect(run.again).toEqual([]);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { compileSuppressions } from '../../../alerting/config/suppress.js';
import { SuppressingSink } from '../../../alerting/config/suppressing-sink.js';
import type { Suppression } from '../../../alerting/config/types.js';
import { runPipeline } from '../../../alerting/pipeline.js';
import { accessDeniedBurst } from '../../../detectors/account/access-denied-burst.js';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS, type Finding } from '../../../detectors/types.js';
import type { IngestItem } from '../../../ingest/types.js';
import { cloudTrailEvent, failed } from '../../helpers/events.js';

const engine = new DetectorEngine([accessDeniedBurst, cloudtrailLoggingStopped], {
  settings: DEFAULT_SETTINGS,
});
const NOW = Date.parse('2026-11-20T12:00:00Z');

const items = (events: CloudTrailEvent[]): IngestItem[] =>
  events.map((event) => ({ kind: 'event', event, source: { object: 'test.json' } }));

/** `n` denied calls by one user, one second apart (all inside the 10-minute window). */
const denials = (n: number, sourceIp: (i: number) => string) =>
  Array.from({ length: n }, (_, i) =>
    failed(
      cloudTrailEvent({
        eventName: 'ListRoles',
        eventTime: new Date(Date.parse('2026-11-20T10:00:00Z') + i * 1000).toISOString(),
        sourceIPAddress: sourceIp(i),
      }),
    ),
  );

const scanner: Suppression = {
  id: 'scanner',
  reason: 'the security scanner probes permissions from this range',
  detectors: ['access-denied-burst'],
  sourceIps: ['198.51.100.0/24'],
};
const stopped: Suppression = {
  id: 'trail-teardown',
  reason: 'test account teardown',
  detectors: ['cloudtrail-logging-stopped'],
  expires: '2026-11-30',
  expiresAt: Date.parse('2026-12-01T00:00:00Z'),
};

function sinkFor(rules: Suppression[], now = NOW) {
  const seen: [string, string][] = [];
  const sink = new SuppressingSink(new AlertAggregator(), compileSuppressions(rules), {
    clock: () => now,
    onSuppressed: (finding: Finding, rule) => seen.push([rule.id, finding.detector.id]),
  });
  return { sink, seen };
}

describe('SuppressingSink', () => {
  it('counts suppressed findings per rule and reports each one', async () => {
    const { sink, seen } = sinkFor([scanner, stopped]);
    const events = [
      ...denials(3, () => '198.51.100.7'),
      cloudTrailEvent({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        requestParameters: { name: 'test-trail' },
      }),
    ];
    const result = await runPipeline(items(events), engine, sink);
    expect(result.input.findings).toBe(4);
    expect(result.stats.findings).toBe(0);
    expect(result.alerts).toEqual([]);
    expect([...sink.suppressed]).toEqual([
      ['scanner', 3],
      ['trail-teardown', 1],
    ]);
    expect(sink.suppressedTotal).toBe(4);
    expect(seen).toContainEqual(['trail-teardown', 'cloudtrail-logging-stopped']);
  });

  it('does not count suppressed findings towards a threshold', async () => {
    // 25 denials: 20 reach the threshold only if the 6 from the scanner range count.
    const events = denials(25, (i) => (i % 4 === 0 ? '198.51.100.7' : '203.0.113.9'));
    const plain = await runPipeline(items(events), engine, new AlertAggregator());
    expect(plain.alerts.map((a) => a.count)).toEqual([25]);

    const { sink } = sinkFor([scanner]);
    const result = await runPipeline(items(events), engine, sink);
    expect(sink.suppressed.get('scanner')).toBe(7);
    expect(result.alerts).toEqual([]);
    expect(result.stats.belowThreshold.findings).toBe(18);
  });

  it('lets everything through once the suppression has expired', async () => {
    const { sink } = sinkFor([stopped], Date.parse('2026-12-01T00:00:00Z'));
    const event = cloudTrailEvent({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      requestParameters: { name: 'test-trail' },
    });
    const result = await runPipeline(items([event]), engine, sink);
    expect(result.alerts.map((a) => a.detector)).toEqual(['cloudtrail-logging-stopped']);
    expect(sink.suppressedTotal).toBe(0);
  });
});

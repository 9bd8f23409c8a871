import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { withInvestigations } from '../../alerting/investigate.js';
import { runPipeline } from '../../alerting/pipeline.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS, type Detector } from '../../detectors/types.js';
import type { IngestItem } from '../../ingest/types.js';
import {
  at,
  bucketPolicyChanged,
  bucketPolicyNewPrincipal,
  findingFor,
  policyEvent,
} from './fixtures.js';

/**
 * Ingest refuses these dates (ingest/event-time.ts); a finding can still reach the
 * aggregator another way (a test, a future source). Nothing after it may throw.
 */
const EDGES = [
  '+275760-09-13T00:00:00Z',
  '+275760-09-12T23:30:00Z',
  '-271821-04-20T00:00:00Z',
  '-271821-04-20T00:30:00Z',
];

describe('event times at the edge of the Date range, past ingest', () => {
  it.each(EDGES)(
    'builds alerts and investigation commands for %s without throwing',
    async (time) => {
      // Prepare
      const aggregator = new AlertAggregator();
      for (const detector of [bucketPolicyChanged, bucketPolicyNewPrincipal]) {
        await aggregator.add(findingFor(policyEvent(time, 'prod-edge'), detector));
        await aggregator.add(findingFor(policyEvent(at(0), 'prod-real'), detector));
      }

      // Act
      const { alerts } = await aggregator.flush();
      const withCommands = alerts.map((alert) =>
        withInvestigations(alert, { engine: 'duckdb', paths: ['logs/'] }),
      );

      // Assess: every alert still made, its times printable, its commands built.
      expect(alerts.filter((a) => a.detector === bucketPolicyChanged.id)).not.toHaveLength(0);
      for (const alert of withCommands) {
        expect(alert.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(alert.lastSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(alert.investigate.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('a detector whose draft throws while the engine completes it', () => {
  it('costs that finding only: counted as a detector error, the other detectors and events go on', async () => {
    // Prepare: the throw happens after `match` returned, outside its own try.
    const brokenDraft: Detector = {
      ...bucketPolicyChanged,
      id: 'test-broken-draft',
      match: () => ({
        summary: 'broken',
        get dedupKey(): string {
          throw new TypeError('dedup key exploded');
        },
      }),
    };
    const engine = new DetectorEngine([brokenDraft, bucketPolicyChanged], {
      settings: DEFAULT_SETTINGS,
    });
    const items: IngestItem[] = [
      { kind: 'event', event: policyEvent(at(0), 'b1'), source: { object: 'f', record: 0 } },
      { kind: 'event', event: policyEvent(at(1), 'b2'), source: { object: 'f', record: 1 } },
      { kind: 'object-end', source: { object: 'f' }, events: 2, errors: 0, bytes: 1 },
    ];
    const errors: string[] = [];

    // Act
    const result = await runPipeline(items, engine, new AlertAggregator(), {
      onDetectorError: (error) => errors.push(error.message),
    });

    // Assess
    expect(result.input.detectorErrors).toBe(2);
    expect(errors[0]).toContain('detector test-broken-draft failed on event');
    expect(errors[0]).toContain('dedup key exploded');
    expect(result.alerts.map((a) => a.detector)).toEqual([
      bucketPolicyChanged.id,
      bucketPolicyChanged.id,
    ]);
  });
});

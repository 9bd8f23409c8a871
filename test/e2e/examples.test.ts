import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import type { Alert } from '../../alerting/alert.js';
import { runPipeline } from '../../alerting/pipeline.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS, SEVERITY_RANK } from '../../detectors/types.js';
import { readPaths } from '../../ingest/index.js';

/**
 * The first README command, checked: scanning the shipped examples finds every
 * seeded attack and raises nothing high or critical that no attack explains.
 * The generator's truth file lists attacks (with the detectors that must fire)
 * and decoys (benign events sharing their event names).
 */
const root = join(import.meta.dirname, '../..');
const examplesDir = join(root, 'examples');

interface Truth {
  attacks: { eventID: string; kind: string; expect: string[] }[];
  decoys: { eventID: string; kind: string; mustNotFire: string[] }[];
}
const truth = JSON.parse(readFileSync(join(examplesDir, '.truth.json'), 'utf8')) as Truth;

const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: DEFAULT_SETTINGS });
const result = await runPipeline(readPaths([examplesDir]), engine, new AlertAggregator());
const alerts = result.alerts;

const alertsFor = (eventId: string): Alert[] => alerts.filter((a) => a.eventIds.includes(eventId));
const urgent = (a: Alert) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK.high;

describe('End to end: scanning examples/', () => {
  it('reads every log object without input errors', () => {
    expect(result.input.ingestErrors).toBe(0);
    expect(result.input.events).toBeGreaterThan(2000);
  });

  it.each(truth.attacks.map((a) => [a.kind, a] as const))(
    'finds the seeded attack %s',
    (_kind, attack) => {
      const fired = new Set(alertsFor(attack.eventID).map((a) => a.detector));
      for (const detector of attack.expect) expect(fired).toContain(detector);
    },
  );

  it.each(truth.decoys.map((d) => [d.kind, d] as const))(
    'raises nothing high or critical, and none of the look-alike detectors, on the decoy %s',
    (_kind, decoy) => {
      const hits = alertsFor(decoy.eventID);
      expect(hits.filter(urgent).map((a) => a.detector)).toEqual([]);
      expect(
        hits.filter((a) => decoy.mustNotFire.includes(a.detector)).map((a) => a.detector),
      ).toEqual([]);
    },
  );

  it('raises no high or critical alert that no seeded attack explains', () => {
    const attackIds = new Set(truth.attacks.map((a) => a.eventID));
    const unexplained = alerts
      .filter(urgent)
      .filter((a) => !a.eventIds.some((id) => attackIds.has(id)))
      .map((a) => `${a.severity} ${a.detector}: ${a.summary}`);
    expect(unexplained).toEqual([]);
  });
});

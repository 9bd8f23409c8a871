import 'aws-sdk-client-mock-vitest/extend';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUARANTINE_DETECTOR_ID } from '../../infra/handlers/quarantine.js';
import { BUCKET, CORPUS_MAX_DECOMPRESSED_BYTES, type HostileCase } from './corpus.js';
import { loadCorpus, writeCorpus } from './generate-corpus.js';
import { type Delivery, PipelineHarness } from './harness.js';
import { type CaseRun, caseMessageId, runCase, stockObjects } from './run-corpus.js';

/**
 * The corpus through both Lambda handlers, over mocked S3 and SNS and one shared
 * state store. Each S3 case travels in a batch with a good canary object: whatever
 * the case does, the canary must be processed and alert exactly once. Then the whole
 * corpus is delivered a second time (at-least-once) and must not alert again.
 */

/** SNS needs valid UTF-8: a lone surrogate cannot be encoded. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const dir = mkdtempSync(join(tmpdir(), 'trailwatch-corpus-'));
writeCorpus(dir);
const corpus = loadCorpus(dir);
const runs = new Map<string, CaseRun>();
const redelivered: Delivery[] = [];
let harness: PipelineHarness;

/** Where a case's quarantine is reported: its object's URI, or its SQS message. */
function quarantineSubjects(c: HostileCase): string[] {
  if (c.input.kind === 'object') return [`s3://${BUCKET}/${c.input.key}`];
  if (c.input.kind === 'message') {
    return c.expect.codes?.includes('invalid-notification') ? [`sqs:${caseMessageId(c)}`] : [];
  }
  return [];
}

function skipReasons(run: CaseRun): string[] {
  return run.logs.flatMap((l) => {
    if (l.message === 'object skipped' || l.message === 'notification skipped') {
      return [String(l.reason)];
    }
    // The fast path refuses what did not come from an AWS source before any parsing.
    if (l.message === 'event rejected') return [`rejected:${String(l.reason)}`];
    if (l.message === 'object processed' || l.message === 'event processed') {
      return Object.keys((l.skippedByReason as Record<string, number>) ?? {});
    }
    return [];
  });
}

describe('Hostile corpus through the Lambda handlers', () => {
  beforeAll(async () => {
    harness = new PipelineHarness({
      env: { TRAILWATCH_MAX_DECOMPRESSED_BYTES: String(CORPUS_MAX_DECOMPRESSED_BYTES) },
    });
    stockObjects(harness, corpus);
    for (const c of corpus) runs.set(c.id, await runCase(harness, c));
    // At-least-once: every message and event again, same store.
    const before = harness.deliveries.length;
    for (const c of corpus) await runCase(harness, c);
    redelivered.push(...harness.deliveries.slice(before));
  }, 120_000);

  afterAll(() => {
    harness.restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds more than 50 catalog cases, each built by the generator', () => {
    const catalog = new Set(corpus.flatMap((c) => c.catalog));
    expect(catalog.size).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });

  describe.each(corpus.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const run = () => runs.get(c.id) as CaseRun;

    it('acknowledges the message and never throws (no case is a retry)', () => {
      expect(run().failed).toEqual([]);
      expect(run().threw).toBeUndefined();
    });

    it('processes every good record, and the canary beside it alerts once', () => {
      expect(run().events).toBe(c.expect.events);
      if (c.input.kind !== 'eventbridge') expect(run().canary).toHaveLength(1);
    });

    it(`reaches outcome ${c.expect.outcome}`, () => {
      const quarantineLogs = run().logs.filter((l) => l.message.startsWith('quarantined'));
      const quarantineAlerts = run().deliveries.filter(
        (d) => d.alert.detector === QUARANTINE_DETECTOR_ID,
      );
      if (c.expect.outcome !== 'Q') {
        expect(quarantineLogs).toEqual([]);
        expect(quarantineAlerts).toEqual([]);
      }
      if (c.expect.outcome === 'S') {
        expect(skipReasons(run())).toContain(c.expect.skip);
        expect(run().deliveries).toEqual([]);
      }
      if (c.expect.outcome !== 'Q') return;
      // A clear error naming the object (or message) and the reason codes.
      expect(quarantineLogs.length).toBeGreaterThan(0);
      if (c.input.kind === 'eventbridge') {
        for (const log of quarantineLogs) {
          expect(log.object).toMatch(/^eventbridge:/);
          expect(String(log.reason).startsWith(`${log.object}`)).toBe(true);
        }
        return;
      }
      const subjects = quarantineSubjects(c);
      expect(quarantineAlerts.map((d) => d.alert.resources[0]).sort()).toEqual(
        [...subjects].sort(),
      );
      for (const alert of quarantineAlerts) {
        expect(alert.alert.summary).toContain(alert.alert.resources[0]);
        expect(alert.alert.runbook.id).toBe('cloudtrail-tampering');
      }
      const objectLog = quarantineLogs.find((l) => l.message === 'quarantined object');
      if (c.input.kind === 'object') {
        expect(objectLog?.object).toBe(subjects[0]);
        expect(Object.keys((objectLog?.byCode ?? {}) as object).sort()).toEqual(c.expect.codes);
        for (const reason of (objectLog?.reasons ?? []) as string[]) {
          expect(reason).toMatch(/^s3:\/\//);
        }
      }
    });

    it('raises exactly the alerts the case calls for', () => {
      const byDetector = new Map<string, number>();
      for (const d of run().deliveries) {
        byDetector.set(d.alert.detector, (byDetector.get(d.alert.detector) ?? 0) + 1);
      }
      for (const [detector, count] of Object.entries(c.expect.alerts ?? {})) {
        if (count === 'some') expect(byDetector.get(detector) ?? 0).toBeGreaterThan(0);
        else expect(byDetector.get(detector) ?? 0).toBe(count);
      }
      for (const detector of c.expect.silent ?? [])
        expect(byDetector.get(detector)).toBeUndefined();
    });

    it('sends only messages SNS accepts: ASCII one-line Subject under 100, body under 256 KB', () => {
      for (const d of [...run().deliveries, ...run().canary]) {
        expect(d.subject).toMatch(/^[\x21-\x7e][\x20-\x7e]{0,98}$/);
        expect(Buffer.byteLength(d.message)).toBeLessThanOrEqual(262_144);
        expect(d.message).not.toMatch(LONE_SURROGATE);
        expect(d.alert.id).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    if (c.expect.fetched) {
      it('fetches the decoded keys', () => {
        for (const key of c.expect.fetched ?? []) expect(harness.fetched).toContain(key);
      });
    }
  });

  it('sends nothing more when the whole corpus is delivered again', () => {
    expect(redelivered.map((d) => `${d.alert.detector} ${d.alert.summary.slice(0, 80)}`)).toEqual(
      [],
    );
  });

  it('adds up: every expected record processed, no alert lost, none duplicated', () => {
    let expectedRecords = 0;
    let processed = 0;
    let expectedAlerts = 0;
    let lost = 0;
    for (const c of corpus) {
      const run = runs.get(c.id) as CaseRun;
      expectedRecords += c.expect.events;
      processed += run.events;
      const want = new Map<string, number>(
        Object.entries(c.expect.alerts ?? {}).map(([d, n]) => [d, n === 'some' ? 1 : n]),
      );
      if (c.input.kind !== 'eventbridge') want.set('canary', 1);
      const quarantine = quarantineSubjects(c).length;
      if (c.expect.outcome === 'Q' && quarantine > 0) want.set(QUARANTINE_DETECTOR_ID, quarantine);
      for (const [detector, n] of want) {
        const got =
          detector === 'canary'
            ? run.canary.length
            : run.deliveries.filter((d) => d.alert.detector === detector).length;
        expectedAlerts += n;
        lost += Math.max(0, n - got);
      }
    }
    const ids = harness.deliveries.map((d) => d.alert.id);
    const duplicated = ids.length - new Set(ids).size;
    const catalog = new Set(corpus.flatMap((c) => c.catalog)).size;
    console.info(
      `hostile corpus: ${corpus.length} cases (${catalog} catalog entries), ` +
        `records processed ${processed} of ${expectedRecords} expected, ` +
        `alerts expected ${expectedAlerts}, lost ${lost}, duplicates ${duplicated} ` +
        `(corpus delivered twice: ${redelivered.length} extra messages)`,
    );
    expect({ processed, lost, duplicated }).toEqual({
      processed: expectedRecords,
      lost: 0,
      duplicated: 0,
    });
  });

  it('never publishes the same alert id twice', () => {
    const ids = harness.deliveries.map((d) => d.alert.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });
});

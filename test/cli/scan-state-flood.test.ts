import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../alerting/state-eviction.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { generateStateFlood } from '../../scripts/generate-state-flood.js';

/** Captures what a command writes. */
function captureIo(): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}

/** A quarter more distinct principals than one detector may hold. */
const PRINCIPALS = Math.floor(DEFAULT_STATE_LIMITS.maxKeysPerDetector * 1.25);

describe('trailwatch scan: a flood of distinct principals (issue 11)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailwatch-flood-'));
    generateStateFlood({
      out: dir,
      principals: PRINCIPALS,
      files: 5,
      kind: 'access-denied',
      start: Date.parse('2026-11-20T10:00:00Z'),
    });
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the real StopLogging alert and counts the keys it evicted in the summary', async () => {
    // Act
    const io = captureIo();
    const code = await main(['scan', dir, '--format', 'jsonl'], io);

    // Assess
    const alerts = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(code).toBe(0);
    expect(alerts.map((a) => `${a.severity} ${a.detector}`)).toContain(
      'critical cloudtrail-logging-stopped',
    );
    const summary =
      /state limits reached .*: evicted ([\d,]+) keys below threshold holding ([\d,]+) findings \(0 high or critical\)/.exec(
        io.err(),
      );
    const held = /(\d+) findings below threshold/.exec(io.err());
    const evicted = Number(summary?.[1]?.replaceAll(',', ''));
    expect(evicted).toBeGreaterThan(0);
    expect(evicted + Number(held?.[1])).toBe(PRINCIPALS);
  }, 120_000);
});

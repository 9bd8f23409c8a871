import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';

const root = join(import.meta.dirname, '../..');
const examples = join(root, 'examples');
const rules = join(root, 'sample-rules');

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

async function scan(...args: string[]): Promise<{ code: number; alerts: Alert[]; err: string }> {
  const io = captureIo();
  const code = await main(['scan', examples, '--format', 'jsonl', '--no-progress', ...args], io);
  const alerts = io
    .out()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Alert);
  return { code, alerts, err: io.err() };
}

// Whole scans of examples/, some on worker threads: slow on a loaded CI machine.
describe('trailwatch scan --detectors', { timeout: 120_000 }, () => {
  it('runs user-written detectors beside the built-in catalog', async () => {
    const without = await scan();
    const withRules = await scan('--detectors', rules);

    expect(without.alerts.some((a) => a.detector === 'iam-change-outside-pipeline')).toBe(false);
    expect(withRules.alerts.some((a) => a.detector === 'iam-change-outside-pipeline')).toBe(true);
    expect(withRules.alerts.length).toBeGreaterThan(without.alerts.length);
  });

  it('gives the same alerts on worker threads', async () => {
    const one = await scan('--detectors', rules);
    const two = await scan('--detectors', rules, '--jobs', '2');

    expect(two.alerts.map((a) => a.id).sort()).toEqual(one.alerts.map((a) => a.id).sort());
  });

  it('exits 2 naming the folder when it does not exist', async () => {
    const result = await scan('--detectors', join(root, 'no-such-rules'));

    expect(result.code).toBe(2);
    expect(result.err).toContain('no-such-rules');
  });
});

describe('trailwatch scan: investigate commands', { timeout: 60_000 }, () => {
  it('fills every alert with commands that name the scanned paths', async () => {
    const { alerts } = await scan();

    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(alert.investigate.length).toBeGreaterThan(0);
      for (const c of alert.investigate) expect(c.command).toContain(`--logs ${examples}`);
    }
  });
});

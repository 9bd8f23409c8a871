import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import { EXIT } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';
import { captureIo } from './capture-io.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-fail-on-'));
  // Two high alerts (AWS Config recording stopped, its delivery channel deleted), no critical one.
  const records = [
    cloudTrailEvent({
      eventSource: 'config.amazonaws.com',
      eventName: 'StopConfigurationRecorder',
      userIdentity: identities.assumedRole('Admin', 'mallory'),
      requestParameters: { configurationRecorderName: 'default' },
    }),
    cloudTrailEvent({
      eventSource: 'config.amazonaws.com',
      eventName: 'DeleteDeliveryChannel',
      userIdentity: identities.assumedRole('Ops', 'trudy'),
      requestParameters: { deliveryChannelName: 'default' },
    }),
  ];
  await writeFile(join(dir, 'config.json'), JSON.stringify({ Records: records }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(...options: string[]) {
  const io = captureIo();
  const code = await main(['scan', dir, '--format', 'json', '--no-progress', ...options], io);
  return { code, alerts: JSON.parse(io.out()) as Alert[], err: io.err() };
}

describe('trailwatch scan --fail-on with --min-severity', () => {
  it('the scan finds two high alerts, no critical one', async () => {
    const run = await scan();

    const severities = run.alerts.map((a) => a.severity);
    expect(severities.filter((s) => s === 'high')).toHaveLength(2);
    expect(severities).not.toContain('critical');
  });

  it('fails the gate on alerts --min-severity hides, and says so', async () => {
    const run = await scan('--min-severity', 'critical', '--fail-on', 'high');

    expect(run.alerts).toEqual([]);
    expect(run.code).toBe(EXIT.alerts);
    expect(run.err).toContain(
      '--fail-on high: 2 alerts at or above high, all hidden by --min-severity critical (lower it to see them)',
    );
  });

  it('passes when no alert, shown or hidden, reaches --fail-on', async () => {
    const run = await scan('--min-severity', 'critical', '--fail-on', 'critical');

    expect(run.code).toBe(EXIT.ok);
    expect(run.err).not.toContain('--fail-on');
  });

  it('names the gate without a hidden count when every hit is shown', async () => {
    const run = await scan('--fail-on', 'high');

    expect(run.code).toBe(EXIT.alerts);
    expect(run.err).toContain('--fail-on high: 2 alerts at or above high\n');
  });
});

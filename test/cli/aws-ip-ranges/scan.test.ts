import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../alerting/alert.js';
import { main } from '../../../cli/main.js';
import {
  instanceCall,
  instanceGetObject,
  LAPTOP_IP,
} from '../../../detectors/examples/instance-events.js';
import { captureIo, FIXTURE } from './helpers.js';

const DETECTOR = 'instance-credentials-outside-aws';
let root: string;
let logs: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-scan-ranges-'));
  vi.stubEnv('XDG_CACHE_HOME', join(root, 'cache'));
  logs = join(root, 'logs');
  await mkdir(logs);
  // The recorded intrusion: the proxy's credentials list and download from a home address,
  // with a Linux user agent (so only the address gives it away). Two files, for --jobs.
  const intrusion = [
    instanceCall({ sourceIPAddress: LAPTOP_IP }),
    instanceGetObject({ sourceIPAddress: LAPTOP_IP }),
  ];
  await writeFile(join(logs, 'a.json'), JSON.stringify({ Records: [instanceCall()] }));
  await writeFile(join(logs, 'b.json'), JSON.stringify({ Records: intrusion }));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

async function scan(...args: string[]) {
  const io = captureIo();
  const code = await main(['scan', logs, '--format', 'json', '--no-progress', ...args], io);
  const alerts = code === 2 ? [] : (JSON.parse(io.out()) as Alert[]);
  return { code, alerts: alerts.filter((a) => a.detector === DETECTOR), err: io.err() };
}

describe('trailwatch scan with AWS IP ranges', () => {
  it('stays quiet about outside addresses when no ranges are available', async () => {
    const { code, alerts, err } = await scan();

    expect(code).toBe(0);
    expect(alerts).toEqual([]);
    expect(err).not.toContain('AWS ranges from');
  });

  it('uses --aws-ip-ranges and says so in the summary', async () => {
    const { alerts, err } = await scan('--aws-ip-ranges', FIXTURE);

    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(2);
    expect(alerts[0]?.summary).toContain(`used from ${LAPTOP_IP}, outside AWS's published ranges`);
    expect(err).toContain(`AWS ranges from 2026-12-03T20:53:04Z (--aws-ip-ranges: ${FIXTURE})`);
  });

  it('uses the cached copy `ip-ranges update` saved', async () => {
    expect(await main(['ip-ranges', 'update', '--from', FIXTURE], captureIo())).toBe(0);

    const { alerts, err } = await scan();

    expect(alerts).toHaveLength(1);
    expect(err).toContain(`AWS ranges from 2026-12-03T20:53:04Z (cache: ${join(root, 'cache')}`);
  });

  it('uses the config’s awsIpRangesFile', async () => {
    const config = join(root, 'trailwatch.yaml');
    await writeFile(config, `awsIpRangesFile: ${FIXTURE}\n`);

    const { alerts, err } = await scan('--config', config);

    expect(alerts).toHaveLength(1);
    expect(err).toContain('(config: ');
  });

  it('gives the same alerts on worker threads', async () => {
    const one = await scan('--aws-ip-ranges', FIXTURE);
    const two = await scan('--aws-ip-ranges', FIXTURE, '--jobs', '2');

    expect(two.alerts.map((a) => [a.dedupKey, a.count, a.eventIds])).toEqual(
      one.alerts.map((a) => [a.dedupKey, a.count, a.eventIds]),
    );
    expect(two.alerts).toHaveLength(1);
  }, 60_000);

  it('refuses to run with a ranges file that cannot be read', async () => {
    const { code, err } = await scan('--aws-ip-ranges', join(root, 'missing.json'));

    expect(code).toBe(2);
    expect(err).toContain('missing.json: cannot read AWS IP ranges (ENOENT)');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import type { CloudTrailEvent } from '../../detectors/types.js';
import { ACCOUNT, cloudTrailEvent, failed, identities } from '../helpers/events.js';

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

const stopLogging = (identity: CloudTrailEvent['userIdentity'], sourceIPAddress: string) =>
  cloudTrailEvent({
    userIdentity: identity,
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    sourceIPAddress,
    requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail` },
  });

const EVENTS: CloudTrailEvent[] = [
  // The CI role stops the trail during its deploys: suppressed.
  stopLogging(identities.assumedRole('ci-deployer', 'build-1'), '198.51.100.7'),
  stopLogging(identities.assumedRole('ci-deployer', 'build-2'), '198.51.100.8'),
  // Anyone else doing it still alerts.
  stopLogging(identities.assumedRole('Admin', 'mallory'), '203.0.113.66'),
  // Root signs in: root-account-used, disabled by the config.
  cloudTrailEvent({
    userIdentity: identities.root(),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    responseElements: { ConsoleLogin: 'Success' },
  }),
  // Five denials: below the built-in threshold of 20, at the configured 5.
  ...Array.from({ length: 5 }, (_, i) =>
    failed(cloudTrailEvent({ eventName: 'ListRoles', eventTime: `2026-11-20T10:00:0${i}Z` })),
  ),
];

const YAML_CONFIG = `# staging tuning
detectors:
  root-account-used:
    enabled: false
  cloudtrail-logging-stopped:
    severity: high
  access-denied-burst:
    threshold:
      count: 5
suppressions:
  - id: ci-deployer
    reason: the CI role restarts the trail on every deploy
    detectors: [cloudtrail-logging-stopped]
    principals: ['arn:aws:iam::${ACCOUNT}:role/ci-*']
    sourceIps: [198.51.100.0/24]
    expires: 2999-12-31
  - id: old-migration
    reason: trail migration, finished
    accounts: ['${ACCOUNT}']
    expires: 2020-01-31
`;

let dir: string;
/** A JSON Lines file of CloudTrail records: `scan` reads it like a delivered log file. */
let logs: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-config-'));
  await writeFile(join(dir, 'events.jsonl'), EVENTS.map((e) => JSON.stringify(e)).join('\n'));
  logs = join(dir, 'events.jsonl');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(configName: string, configText: string, ...flags: string[]) {
  const path = join(dir, configName);
  await writeFile(path, configText);
  const io = captureIo();
  const code = await main(
    // cloudtrail-config-changed (low) also fires on StopLogging: keep the output to the point.
    [
      'scan',
      logs,
      '--config',
      path,
      '--format',
      'json',
      '--min-severity',
      'medium',
      '--no-progress',
      ...flags,
    ],
    io,
  );
  const alerts = code === 2 ? [] : (JSON.parse(io.out()) as Alert[]);
  return { code, alerts, stderr: io.err() };
}

describe('trailwatch scan --config', () => {
  it('applies overrides and suppressions from a YAML config', async () => {
    const { code, alerts, stderr } = await scan('trailwatch.yaml', YAML_CONFIG);
    expect(code).toBe(0);
    expect(alerts.map((a) => [a.detector, a.severity, a.principal]).sort()).toEqual([
      ['access-denied-burst', 'medium', `arn:aws:iam::${ACCOUNT}:user/alice`],
      ['cloudtrail-logging-stopped', 'high', `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/mallory`],
    ]);
    expect(stderr).toContain('\n2 findings suppressed: ci-deployer 2\n');
  });

  it('warns about an expired suppression and ignores it', async () => {
    const { alerts, stderr } = await scan('trailwatch.yaml', YAML_CONFIG);
    expect(stderr).toMatch(
      /warning: suppression old-migration expired \(2020-01-31\) and is ignored/,
    );
    // Active, it would have suppressed everything in the account.
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('lists suppressed findings with --show-suppressed', async () => {
    const { stderr } = await scan('trailwatch.yaml', YAML_CONFIG, '--show-suppressed');
    const lines = stderr.split('\n').filter((l) => l.startsWith('suppressed '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^suppressed \[ci-deployer\] high cloudtrail-logging-stopped .* 198\.51\.100\.7: /,
    );
    const quiet = await scan('trailwatch.yaml', YAML_CONFIG);
    expect(quiet.stderr).not.toMatch(/^suppressed \[/m);
  });

  it('reads the same config as JSON', async () => {
    const json = JSON.stringify({
      detectors: { 'root-account-used': { enabled: false } },
      suppressions: [
        { id: 'ci', reason: 'deploys', principals: [`arn:aws:iam::${ACCOUNT}:role/ci-*`] },
      ],
    });
    const { code, alerts, stderr } = await scan('trailwatch.json', json);
    expect(code).toBe(0);
    expect(alerts.map((a) => a.detector)).toEqual(['cloudtrail-logging-stopped']);
    // Without a detector list, the CI role's cloudtrail-config-changed findings go too.
    expect(stderr).toContain('\n4 findings suppressed: ci 4\n');
  });

  it('runs every detector unchanged without a config', async () => {
    const io = captureIo();
    const argv = ['scan', logs, '--format', 'json', '--min-severity', 'medium', '--no-progress'];
    expect(await main(argv, io)).toBe(0);
    const detectors = (JSON.parse(io.out()) as Alert[]).map((a) => a.detector).sort();
    expect(detectors).toEqual([
      'cloudtrail-logging-stopped',
      'cloudtrail-logging-stopped',
      'root-account-used',
    ]);
    expect(io.err()).not.toContain('suppressed');
  });

  it('exits 2 naming the file, line and key of a bad YAML config', async () => {
    const bad = YAML_CONFIG.replace('severity: high', 'severity: urgent').replace(
      '    expires: 2999-12-31',
      '    expire: 2999-12-31',
    );
    const { code, stderr } = await scan('bad.yaml', bad);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yaml:6:5: detectors\.cloudtrail-logging-stopped\.severity: /);
    expect(stderr).toMatch(/bad\.yaml:16:5: suppressions\[0\]\.expire: unknown key/);
  });

  it('exits 2 naming the line of a bad JSON config', async () => {
    const { code, stderr } = await scan(
      'bad.json',
      '{\n  "settings": {\n    "trustedAccounts": ["1234"]\n  }\n}',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.json:3:25: settings\.trustedAccounts\[0\]: must be a 12-digit/);
  });

  it('exits 2 when the config file cannot be read', async () => {
    const io = captureIo();
    const missing = join(dir, 'missing.yaml');
    expect(await main(['scan', logs, '--config', missing, '--no-progress'], io)).toBe(2);
    expect(io.err()).toContain(`${missing}: cannot read config (ENOENT)`);
  });
});

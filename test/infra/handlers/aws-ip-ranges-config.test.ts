import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectorEngine } from '../../../detectors/engine.js';
import { instanceCall, LAPTOP_IP } from '../../../detectors/examples/instance-events.js';
import { HandlerConfigError, readHandlerConfig } from '../../../infra/handlers/config.js';
import { ENV } from './factories.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/aws-ip-ranges/ip-ranges.json');
const read = (env: NodeJS.ProcessEnv) => readHandlerConfig({ ...ENV, ...env });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-handler-ranges-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Lambda handlers and AWS IP ranges', () => {
  it('run without ranges when nothing names a file', () => {
    expect(read({}).settings.awsIpRanges).toBeUndefined();
  });

  it('read the file TRAILWATCH_AWS_IP_RANGES_FILE names, once, at start', () => {
    const config = read({ TRAILWATCH_AWS_IP_RANGES_FILE: FIXTURE });
    const engine = new DetectorEngine(config.detectors, { settings: config.settings });

    expect(config.settings.awsIpRanges?.version.syncToken).toBe('1764795184');
    const found = engine.evaluate(instanceCall({ sourceIPAddress: LAPTOP_IP }));
    expect(found.map((f) => f.detector.id)).toContain('instance-credentials-outside-aws');
  });

  it('read the config’s awsIpRangesFile, the variable winning over it', async () => {
    const other = join(dir, 'other.json');
    await writeFile(other, '{}');

    expect(
      read({ TRAILWATCH_CONFIG: `awsIpRangesFile: ${FIXTURE}\n` }).settings.awsIpRanges,
    ).toBeDefined();
    expect(
      read({
        TRAILWATCH_CONFIG: `awsIpRangesFile: ${other}\n`,
        TRAILWATCH_AWS_IP_RANGES_FILE: FIXTURE,
      }).settings.awsIpRanges,
    ).toBeDefined();
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.json'), 'ENOENT'],
    ['a file of another format', () => join(dir, 'other.json'), '"syncToken" must be a string'],
  ])('fail at start on %s, naming the variable and the file', async (_label, path, reason) => {
    await writeFile(join(dir, 'other.json'), '{}');

    expect(() => read({ TRAILWATCH_AWS_IP_RANGES_FILE: path() })).toThrow(HandlerConfigError);
    expect(() => read({ TRAILWATCH_AWS_IP_RANGES_FILE: path() })).toThrow(
      new RegExp(`TRAILWATCH_AWS_IP_RANGES_FILE names ${path()}.*${reason}`),
    );
  });

  it('run without ranges, saying why, when the shared config names a laptop’s copy', () => {
    const config = read({
      TRAILWATCH_CONFIG: 'awsIpRangesFile: /home/me/.cache/trailwatch/ip-ranges.json\n',
    });

    expect(config.settings.awsIpRanges).toBeUndefined();
    expect(config.warnings.join('\n')).toContain(
      "the config's awsIpRangesFile names /home/me/.cache/trailwatch/ip-ranges.json, which this function does not have",
    );
  });

  it('fail at start when the config names a file that is there but malformed', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '[]');

    expect(() => read({ TRAILWATCH_CONFIG: `awsIpRangesFile: ${bad}\n` })).toThrow(
      /the config's awsIpRangesFile names .*bad\.json, which cannot be used/,
    );
  });

  it('refuse an empty awsIpRangesFile in the config', () => {
    expect(() => read({ TRAILWATCH_CONFIG: 'awsIpRangesFile: ""\n' })).toThrow(/awsIpRangesFile/);
  });
});

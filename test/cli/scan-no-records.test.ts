import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { cloudTrailEvent } from '../helpers/events.js';
import { captureIo } from './capture-io.js';

let root: string;
const at = (...parts: string[]) => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-no-records-'));
  await mkdir(at('empty'));
  await mkdir(at('notes'));
  await writeFile(at('notes', 'README.txt'), 'not a log');
  await writeFile(at('notes', '.hidden.json'), '{"Records":[]}');
  // CloudTrail-Digest/ as AWS delivers it: hashes of log files, no Records.
  const digests = at('digests', 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'us-east-1');
  await mkdir(digests, { recursive: true });
  for (const hour of ['00', '01']) {
    await writeFile(
      join(
        digests,
        `111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20261120T${hour}3000Z.json.gz`,
      ),
      gzipSync(JSON.stringify({ awsAccountId: '111122223333', logFiles: [] })),
    );
  }
  await mkdir(at('damaged'));
  await writeFile(
    at('damaged', 'cut.json.gz'),
    gzipSync('{"Records":[{"eventVersion"').subarray(0, 20),
  );
  await writeFile(at('damaged', 'other.json'), '{"name":"a package.json, not a log"}');
  await mkdir(at('quiet'));
  await writeFile(at('quiet', 'hour.json'), '{"Records":[]}');
  await mkdir(at('logs'));
  await writeFile(at('logs', 'one.json'), JSON.stringify({ Records: [cloudTrailEvent()] }));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function scan(...args: string[]) {
  const io = captureIo();
  const code = await main(['scan', '--no-progress', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('trailwatch scan with nothing to read', () => {
  it.each([
    ['an empty folder', 'empty'],
    ['a folder of files that are not logs (and hidden ones)', 'notes'],
  ])('stops at once on %s: exit 2 naming the folder and why', async (_what, folder) => {
    const run = await scan(at(folder));

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`trailwatch: ${at(folder)}: no log files in this folder (`);
    expect(run.err).not.toContain('scanned');
    expect(run.out).toBe('');
  });

  it('reports a folder of digest files as such: exit 2, with what to scan instead', async () => {
    const run = await scan(at('digests'));

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(
      `trailwatch: no CloudTrail records in ${at('digests')}: 2 CloudTrail digest files; digest files hold hashes of log files, not events`,
    );
    // Nothing was read: "no alerts" would read as a clean day.
    expect(run.out).toBe('');
  });

  it('reports input that is all damaged or not CloudTrail: exit 2, each file named', async () => {
    const run = await scan(at('damaged'));

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`error: ${at('damaged', 'cut.json.gz')}: `);
    expect(run.err).toContain(`error: ${at('damaged', 'other.json')}: `);
    expect(run.err).toContain(
      `trailwatch: no CloudTrail records in ${at('damaged')}: 2 files unreadable, damaged or not CloudTrail (the errors above say why)`,
    );
  });

  it('takes a well-formed log file with no records as a quiet hour: exit 0', async () => {
    const run = await scan(at('quiet'));

    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toBe('no alerts\n');
  });

  it('warns about an empty folder among others and scans the rest', async () => {
    const run = await scan(at('empty'), at('logs'), '--format', 'json');

    expect(run.code).toBe(EXIT.ok);
    expect(run.err).toContain(`warning: ${at('empty')}: no log files in this folder`);
    expect(run.err).toMatch(/scanned 1 files .* 1 events/);
  });
});

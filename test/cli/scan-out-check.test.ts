import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';
import { captureIo } from './capture-io.js';

/**
 * Paths `access` refuses as a read-only folder or file refuses a normal user. Tests
 * run as root, for whom permission bits deny nothing, so the denial is injected where
 * Node reports it.
 */
const denied = vi.hoisted(() => new Map<string, string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const access = (async (path: Parameters<typeof actual.access>[0], mode?: number) => {
    const code = denied.get(String(path));
    if (code !== undefined) {
      throw Object.assign(new Error(`${code}: access '${String(path)}'`), {
        code,
        syscall: 'access',
        path: String(path),
      });
    }
    return actual.access(path, mode);
  }) as typeof actual.access;
  return { ...actual, access, default: { ...actual, access } };
});

let root: string;
let logs: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-out-check-'));
  logs = join(root, 'logs');
  await mkdir(logs);
  const stop = cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' },
  });
  await writeFile(join(logs, 'a.json'), JSON.stringify({ Records: [stop] }));
  await mkdir(join(root, 'reports'));
  await mkdir(join(root, 'read-only'));
  await writeFile(join(root, 'a-file'), 'x');
  await writeFile(join(root, 'kept.jsonl'), 'yesterday’s alerts\n');
});

afterEach(() => denied.clear());

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function scanTo(out: string) {
  const io = captureIo();
  const code = await main(['scan', logs, '--no-progress', '--format', 'jsonl', '--out', out], io);
  return { code, err: io.err() };
}

describe('trailwatch scan --out is checked before the scan starts', () => {
  it.each([
    ['a folder given as the file', () => join(root, 'reports'), /is a folder; give a file name/],
    [
      'a folder that does not exist',
      () => join(root, 'missing', 'alerts.jsonl'),
      /folder .*missing: does not exist/,
    ],
    [
      'a file where a folder should be',
      () => join(root, 'a-file', 'alerts.jsonl'),
      /a-file is not a folder/,
    ],
  ])('%s: exit 2 at once, naming the path and the reason', async (_what, out, reason) => {
    const run = await scanTo(out());

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`trailwatch: --out ${out()}: `);
    expect(run.err).toMatch(reason);
    expect(run.err).not.toContain('scanned');
  });

  it('a folder the user may not write to: exit 2 at once', async () => {
    denied.set(join(root, 'read-only'), 'EACCES');
    const out = join(root, 'read-only', 'alerts.jsonl');

    const run = await scanTo(out);

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(
      `trailwatch: --out ${out}: cannot create files in ${join(root, 'read-only')}: permission denied`,
    );
    expect(run.err).not.toContain('scanned');
  });

  it('an existing file that cannot be written: exit 2 at once, the file left as it was', async () => {
    const out = join(root, 'kept.jsonl');
    denied.set(out, 'EROFS');

    const run = await scanTo(out);

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`trailwatch: --out ${out}: read-only file system`);
    expect(run.err).not.toContain('scanned');
    expect(await readFile(out, 'utf8')).toBe('yesterday’s alerts\n');
  });

  it('a writable path: the scan runs and writes the alerts there', async () => {
    const out = join(root, 'reports', 'alerts.jsonl');

    const run = await scanTo(out);

    expect(run.code).toBe(EXIT.ok);
    expect(await readFile(out, 'utf8')).toContain('"detector":"cloudtrail-logging-stopped"');
  });
});

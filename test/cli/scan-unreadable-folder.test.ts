import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../helpers/events.js';

/**
 * Folders whose listing fails as `chmod 000` makes it fail. Tests run as root, for
 * whom permission bits deny nothing, so the denial is injected where Node reports it.
 */
const denied = vi.hoisted(() => new Set<string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (async (path: Parameters<typeof actual.readdir>[0], ...rest: unknown[]) => {
    if (denied.has(String(path))) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), {
        code: 'EACCES',
        errno: -13,
        syscall: 'scandir',
        path: String(path),
      });
    }
    return (actual.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

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

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-scan-folders-'));
  const stop = (session: string) =>
    JSON.stringify({
      Records: [
        cloudTrailEvent({
          eventSource: 'cloudtrail.amazonaws.com',
          eventName: 'StopLogging',
          userIdentity: identities.assumedRole('Admin', session),
          requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` },
        }),
      ],
    });
  await mkdir(join(root, 'us-east-1/closed'), { recursive: true });
  await mkdir(join(root, 'us-west-2'), { recursive: true });
  await writeFile(join(root, 'us-east-1/closed/a.json'), stop('hidden'));
  await writeFile(join(root, 'us-west-2/b.json'), stop('mallory'));
});

afterEach(async () => {
  denied.clear();
  await rm(root, { recursive: true, force: true });
});

describe('trailwatch scan over a folder with an unreadable sub-folder', () => {
  it('scans the rest, prints its alerts, names the folder and why, and exits 2 (unreadable input)', async () => {
    // Prepare
    const closed = join(root, 'us-east-1/closed');
    denied.add(closed);
    const io = captureIo();

    // Act
    const code = await main(['scan', root, '--format', 'json', '--no-progress'], io);

    // Assess
    expect(code).toBe(2);
    const alerts = JSON.parse(io.out()) as Alert[];
    expect(alerts.map((a) => [a.detector, a.principal])).toContainEqual([
      'cloudtrail-logging-stopped',
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/mallory`,
    ]);
    expect(io.err()).toContain(
      `error: ${closed}: cannot list the folder, its files were not scanned: EACCES: permission denied`,
    );
    expect(io.err()).toMatch(/scanned 2 files .* 1 events/);
  });

  it('exits 0 and counts both StopLogging calls once the folder is readable', async () => {
    const io = captureIo();
    const code = await main(['scan', root, '--format', 'json', '--no-progress'], io);
    expect(code).toBe(0);
    const stopped = (JSON.parse(io.out()) as Alert[]).filter(
      (a) => a.detector === 'cloudtrail-logging-stopped',
    );
    expect(stopped.reduce((sum, a) => sum + a.count, 0)).toBe(2);
  });
});

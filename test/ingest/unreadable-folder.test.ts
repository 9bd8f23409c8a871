import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputPathError } from '../../ingest/errors.js';
import { listInputFiles } from '../../ingest/input-files.js';
import { readPaths } from '../../ingest/read-paths.js';
import { collect, summarize } from './helpers/collect.js';
import { logFile, record } from './helpers/fixtures.js';

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

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-folders-'));
  for (const [path, n] of [
    ['a/one.json', 1],
    ['b/closed/two.json', 2],
    ['c/three.json', 3],
  ] as const) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), logFile([record(n)]));
  }
});

afterEach(async () => {
  denied.clear();
  await rm(root, { recursive: true, force: true });
});

describe('a folder that cannot be listed', () => {
  it('is reported as unreadable in its place, with its path and reason, and the rest is read', async () => {
    // Prepare
    const closed = join(root, 'b/closed');
    denied.add(closed);

    // Act
    const files = await listInputFiles([root]);
    const items = await collect(readPaths([root]));

    // Assess
    expect(files.map((file) => relative(root, file))).toEqual([
      'a/one.json',
      'b/closed',
      'c/three.json',
    ]);
    expect(summarize(items)).toEqual([
      'event 0 evt-1',
      'end 1/0',
      'error unreadable',
      'end 0/1',
      'event 0 evt-3',
      'end 1/0',
    ]);
    const error = items.find((item) => item.kind === 'error');
    expect(error?.kind === 'error' && error.error.message).toBe(
      `${closed}: cannot list the folder, its files were not scanned: EACCES: permission denied, scandir '${closed}'`,
    );
  });

  it('is reported the same when it is the folder given', async () => {
    denied.add(root);
    const items = await collect(readPaths([root, join(root, 'c/three.json')]));
    expect(summarize(items)).toEqual(['error unreadable', 'end 0/1', 'event 0 evt-3', 'end 1/0']);
  });

  it('still makes a path that does not exist a usage error', async () => {
    await expect(listInputFiles([root, join(root, 'missing')])).rejects.toThrow(InputPathError);
  });
});

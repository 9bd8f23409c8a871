import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { missingPlatformEntries, platformOf } from '../../scripts/lock-platforms.mjs';

const root = join(import.meta.dirname, '../..');

describe('Project: package-lock.json', () => {
  it('lists every optional platform build, so npm ci accepts it on any registry mirror', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const missing = missingPlatformEntries(lock).map((m: { dep: string }) => m.dep);
    // Fix: npm run lock:platforms
    expect(missing).toEqual([]);
  });

  it('reads the platform of a native build from its name', () => {
    expect(platformOf('@biomejs/cli-darwin-arm64')).toEqual({
      os: 'darwin',
      cpu: 'arm64',
      libc: undefined,
    });
    expect(platformOf('@biomejs/cli-linux-x64-musl')).toEqual({
      os: 'linux',
      cpu: 'x64',
      libc: 'musl',
    });
  });

  it('finds an optional dependency without an entry', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/tool': { optionalDependencies: { '@tool/cli-win32-x64': '1.0.0' } },
      },
    };
    expect(missingPlatformEntries(lock)).toEqual([
      { dep: '@tool/cli-win32-x64', version: '1.0.0', dev: false },
    ]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trailwatchCacheDir } from '../../cli/cache-dir.js';

describe('trailwatchCacheDir', () => {
  it('follows XDG_CACHE_HOME when it is an absolute path', () => {
    expect(trailwatchCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux', '/home/me')).toBe(
      join('/var/cache/me', 'trailwatch'),
    );
  });

  it('falls back to ~/.cache, ignoring a relative XDG_CACHE_HOME as the spec asks', () => {
    expect(trailwatchCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/me')).toBe(
      join('/home/me', '.cache', 'trailwatch'),
    );
    expect(trailwatchCacheDir({}, 'darwin', '/Users/me')).toBe(
      join('/Users/me', '.cache', 'trailwatch'),
    );
  });

  it('uses LOCALAPPDATA on Windows', () => {
    expect(
      trailwatchCacheDir({ LOCALAPPDATA: '/c/Users/me/AppData/Local' }, 'win32', '/c/Users/me'),
    ).toBe(join('/c/Users/me/AppData/Local', 'trailwatch'));
  });
});

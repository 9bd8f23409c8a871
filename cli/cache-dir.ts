import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The folder trailwatch keeps downloaded and derived data in:
 * `$XDG_CACHE_HOME/trailwatch` (an absolute path, as the XDG spec requires),
 * else `%LOCALAPPDATA%\trailwatch` on Windows, else `~/.cache/trailwatch`.
 * Nothing in it is needed to run: deleting it loses only what can be fetched again.
 */
export function trailwatchCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'trailwatch');
  const local = env.LOCALAPPDATA;
  if (platform === 'win32' && local && isAbsolute(local)) return join(local, 'trailwatch');
  return join(home, '.cache', 'trailwatch');
}

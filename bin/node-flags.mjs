/**
 * V8 flags the scan runs with. A 32 MB young generation (V8's default is 16 MB) lets
 * the records of one log file die young instead of being promoted and collected
 * again: measured 6–11% less CPU on the benchmark corpus (`npm run bench`, the
 * `scan-default-young` row against `scan`).
 */
export const SCAN_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Commands that read logs in bulk and are run with {@link SCAN_NODE_FLAGS}. */
export const SCAN_COMMANDS = new Set(['scan']);

/** Whether this process must re-run itself with the flags: a scan started without them. */
export function needsScanFlags(argv, execArgv, env) {
  if (!SCAN_COMMANDS.has(argv[0]) || env.TRAILWATCH_NODE_FLAGS === 'off') return false;
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  return !given.some((flag) => flag.startsWith('--max-semi-space-size'));
}

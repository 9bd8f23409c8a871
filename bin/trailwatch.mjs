#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so a fresh clone needs no build step.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { needsScanFlags, SCAN_NODE_FLAGS } from './node-flags.mjs';

const args = process.argv.slice(2);
if (needsScanFlags(args, process.execArgv, process.env)) {
  // V8 heap flags only apply at start-up: run the scan in a node that has them.
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...SCAN_NODE_FLAGS, ...process.execArgv, self, ...args],
    {
      stdio: 'inherit',
    },
  );
  if (child.error) throw child.error;
  if (child.signal) {
    process.kill(process.pid, child.signal);
    // Still here: node ignores that signal (SIGPIPE). Report it as a shell would,
    // never as 1, which means "alerts found".
    process.exit(128 + (constants.signals[child.signal] ?? 0));
  }
  process.exit(child.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { exitQuietlyOnClosedPipe } = await import('../cli/closed-pipe.ts');
exitQuietlyOnClosedPipe([process.stdout, process.stderr]);
const { main } = await import('../cli/main.ts');
process.exitCode = await main(args);

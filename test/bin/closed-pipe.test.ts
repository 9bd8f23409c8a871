import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_CLOSED_PIPE } from '../../cli/closed-pipe.js';

const BIN = fileURLToPath(new URL('../../bin/trailwatch.mjs', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Runs the installed bin with its stdout (and, for `2>&1 | head`, its stderr) a pipe
 * whose reader has gone before the command writes: what `trailwatch ... | head -1`
 * does once head has its line.
 */
function withReaderGone(args: readonly string[], closeStderr = false): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  if (closeStderr) child.stderr.destroy();
  else child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('output into a closed pipe', () => {
  it('is 128 + SIGPIPE, as a shell reports any tool the pipe stopped', () => {
    expect(EXIT_CLOSED_PIPE).toBe(141);
  });

  it.each([
    [['scan', EXAMPLES, '--no-progress']],
    [['scan', EXAMPLES, '--format', 'jsonl']],
    [['detectors']],
  ])('%j ends quietly with 141', { timeout: 60_000 }, async (args) => {
    const ended = await withReaderGone(args);

    expect(ended.code).toBe(EXIT_CLOSED_PIPE);
    expect(ended.stderr).not.toMatch(/EPIPE|Error|cannot write|\n\s+at /);
  });

  it('ends with 141 when stderr goes into the same closed pipe (2>&1 | head)', {
    timeout: 60_000,
  }, async () => {
    const ended = await withReaderGone(['scan', EXAMPLES], true);

    expect(ended.code).toBe(EXIT_CLOSED_PIPE);
  });
});

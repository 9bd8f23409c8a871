import { constants } from 'node:os';

/**
 * Exit status of a writer whose reader went away (`trailwatch scan logs/ | head -1`):
 * 128 + SIGPIPE, what a shell reports for any Unix tool the closed pipe stopped
 * (`yes | head -1` under `set -o pipefail`). Neither "ok" nor "alerts found": the
 * output was cut short.
 */
export const EXIT_CLOSED_PIPE = 128 + constants.signals.SIGPIPE;

/** The reader of stdout (or stderr) closed the pipe: the command stops without a word. */
export class ClosedPipeError extends Error {
  override readonly name = 'ClosedPipeError';
}

/** A write failed because nobody reads the other end of the pipe any more. */
export function isClosedPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

/**
 * Node ignores SIGPIPE, so a write into a closed pipe becomes an 'error' event on
 * process.stdout; unheard, it ends the process with a stack trace and status 1
 * ("alerts found"). Heard here, the process ends at once and quietly, as a Unix
 * tool stopped by SIGPIPE does. Other stream errors are not ours to hide.
 */
export function exitQuietlyOnClosedPipe(
  streams: readonly NodeJS.WritableStream[],
  exit: (code: number) => void = process.exit,
): void {
  for (const stream of streams) {
    stream.on('error', (error: unknown) => {
      if (!isClosedPipe(error)) throw error;
      exit(EXIT_CLOSED_PIPE);
    });
  }
}

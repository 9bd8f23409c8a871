import type { Readable, Writable } from 'node:stream';

/** Where a command writes. Injected so tests can capture output without touching process streams. */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean };
  /** What `trailwatch scan -` reads. */
  readonly stdin?: Readable & { isTTY?: boolean };
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: only a command that reads standard input opens it.
  get stdin() {
    return process.stdin;
  },
};

/** Exit codes of the CLI (DESIGN.md): 0 ok, 1 alerts at or above --fail-on, 2 usage or input error. */
export const EXIT = { ok: 0, alerts: 1, usage: 2 } as const;

/** A usage or input problem: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliIo } from '../../../cli/io.js';

/** The small ip-ranges.json the tests use (documentation prefixes, AWS's format). */
export const FIXTURE = join(import.meta.dirname, '../../fixtures/aws-ip-ranges/ip-ranges.json');

/** A CliIo whose output the test reads back. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
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

import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../cli/io.js';

/** A CliIo that keeps what commands write; `stdin` is what `scan -` reads. */
export function captureIo(
  stdin?: Buffer | string,
): CliIo & { out: () => string; err: () => string } {
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
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}

import { Writable } from 'node:stream';

/** A Writable that keeps what was written, or fails every write with `error`. */
export function capture(error?: Error): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (error) {
        callback(error);
        return;
      }
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

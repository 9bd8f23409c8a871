import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ContentError } from './content-error.js';

/** Inflate output chunk size: large enough to keep per-chunk overhead low. */
const INFLATE_CHUNK_BYTES = 64 * 1024;

/** Whether bytes start with the gzip magic number (1f 8b); the name is not trusted. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Inflates a gzip stream (several members are inflated back to back, as `gunzip`
 * does) and stops with `oversize` once more than `maxBytes` come out, so a gzip
 * bomb costs at most `maxBytes` of work and one chunk of memory. Errors from zlib
 * or the source surface from the iteration; stopping early tears the streams down.
 */
export async function* inflate(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
  pipeline(Readable.from(source, { objectMode: false }), gunzip, ignore);
  yield* capped(gunzip, maxBytes);
}

/** Passes chunks through, failing with `oversize` past `maxBytes` in total. */
export async function* capped(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new ContentError(
        'oversize',
        `content exceeds maxDecompressedBytes (${maxBytes} bytes): a gzip bomb or an oversized file`,
      );
    }
    yield chunk;
  }
}

/** Errors reach the consumer through the iteration; the pipeline callback has nothing to add. */
function ignore(): void {}

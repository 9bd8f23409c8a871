import { ContentError } from './content-error.js';

/** An object's stored bytes: in memory, or a stream such as a Node Readable or an S3 GetObject body. */
export type ObjectBody = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Reads an object's stored bytes, counting them, with a look-ahead: up to the first
 * `limit + 1` bytes are buffered so a small object can take the whole-parse path.
 */
export class StoredBody {
  /** Stored bytes read so far. */
  bytes = 0;
  private head: Buffer[] = [];
  private rest: AsyncIterator<Uint8Array> | undefined;

  /** Buffers up to `limit + 1` bytes. A read failure throws `ContentError('unreadable')`. */
  static async open(body: ObjectBody, limit: number): Promise<StoredBody> {
    const stored = new StoredBody();
    if (body instanceof Uint8Array) {
      stored.head.push(toBuffer(body));
      stored.bytes = body.length;
      return stored;
    }
    stored.rest = body[Symbol.asyncIterator]();
    while (stored.bytes <= limit) {
      const chunk = await stored.pull();
      if (chunk === undefined) break;
      stored.head.push(chunk);
    }
    return stored;
  }

  /** Whether every byte is buffered. */
  get complete(): boolean {
    return this.rest === undefined;
  }

  /** The buffered bytes as one buffer (the whole object when `complete`). */
  buffered(): Buffer {
    if (this.head.length !== 1) this.head = [Buffer.concat(this.head)];
    return this.head[0] as Buffer;
  }

  /** Every stored byte, buffered ones first. Stopping early releases the source. */
  async *chunks(): AsyncGenerator<Buffer> {
    try {
      const head = this.head;
      this.head = [];
      yield* head;
      for (;;) {
        const chunk = await this.pull();
        if (chunk === undefined) return;
        yield chunk;
      }
    } finally {
      await this.release();
    }
  }

  /** Stops reading and lets the source free its resources (sockets, file handles). */
  async release(): Promise<void> {
    const rest = this.rest;
    this.rest = undefined;
    await rest?.return?.().catch(() => undefined);
  }

  private async pull(): Promise<Buffer | undefined> {
    const rest = this.rest;
    if (rest === undefined) return undefined;
    let next: IteratorResult<Uint8Array>;
    try {
      next = await rest.next();
    } catch (error) {
      this.rest = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      throw new ContentError('unreadable', `cannot read the object: ${detail}`, { cause: error });
    }
    if (next.done) {
      this.rest = undefined;
      return undefined;
    }
    const chunk = toBuffer(next.value);
    this.bytes += chunk.length;
    return chunk;
  }
}

/** Lets an unread body free its resources (a Readable is destroyed). */
export async function releaseBody(body: ObjectBody): Promise<void> {
  if (body instanceof Uint8Array) return;
  await body[Symbol.asyncIterator]()
    .return?.()
    .catch(() => undefined);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

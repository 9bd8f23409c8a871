import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  beforeDeadline,
  DeadlineExceededError,
  readDeadline,
  untilDeadline,
} from '../../../infra/handlers/deadline.js';

const never = () => new Promise<never>(() => undefined);

describe('invocation deadline', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a quarter of the remaining time, at most 20 s, for publishing', () => {
    // A frozen clock: the deadline is exact, whatever the machine's load.
    const start = Date.UTC(2026, 10, 21, 3, 0, 0);
    vi.useFakeTimers({ now: start, toFake: ['Date'] });
    expect(readDeadline({ getRemainingTimeInMillis: () => 1000 }) - start).toBe(750);
    expect(readDeadline({ getRemainingTimeInMillis: () => 120_000 }) - start).toBe(100_000);
    expect(readDeadline({})).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects a call that outlives the deadline and passes one that does not', async () => {
    await expect(beforeDeadline(never(), Date.now() + 20, 'GetObject x')).rejects.toThrow(
      DeadlineExceededError,
    );
    await expect(beforeDeadline(Promise.resolve(7), Date.now() + 1000, 'x')).resolves.toBe(7);
    await expect(
      beforeDeadline(Promise.reject(new Error('boom')), Date.now() + 1000, 'x'),
    ).rejects.toThrow('boom');
  });

  it('ends a stalled body with DeadlineExceededError after the chunks that came in time', async () => {
    // Prepare: one chunk, then nothing ever again.
    let released = false;
    const stalled: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        let sent = false;
        return {
          next: () => {
            if (sent) return never();
            sent = true;
            return Promise.resolve({ done: false, value: new Uint8Array([1]) });
          },
          return: async () => {
            released = true;
            return { done: true, value: undefined };
          },
        };
      },
    };

    // Act
    const chunks: Uint8Array[] = [];
    const reading = (async () => {
      for await (const chunk of untilDeadline(stalled, Date.now() + 50, 'reading s3://b/k'))
        chunks.push(chunk);
    })();

    // Assess
    await expect(reading).rejects.toThrow('reading s3://b/k did not finish before the deadline');
    expect(chunks).toHaveLength(1);
    expect(released).toBe(true);
  });
});

/** Work for one message did not finish before the invocation's own deadline: retry it later. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
}

/**
 * The time by which an invocation must stop reading to keep room for publishing
 * and committing: the remaining time less a quarter of it, at most 20 s. A slow
 * or stalled S3 body then fails its own message (retried) instead of running the
 * function into its timeout, which would fail, and redeliver, the whole batch.
 * Infinity when the context cannot tell (tests, local runs).
 */
export function readDeadline(context: { getRemainingTimeInMillis?: () => number }): number {
  const remaining = context.getRemainingTimeInMillis?.();
  if (typeof remaining !== 'number' || !Number.isFinite(remaining)) return Number.POSITIVE_INFINITY;
  return Date.now() + remaining - Math.min(20_000, remaining / 4);
}

/**
 * Settles like `promise`, or rejects with {@link DeadlineExceededError} at `deadline`
 * (epoch ms). A promise that loses the race is left to settle on its own, unobserved.
 */
export function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  if (deadline === Number.POSITIVE_INFINITY) return promise;
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DeadlineExceededError(`${what} did not finish before the deadline`)),
      Math.max(0, deadline - Date.now()),
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Passes a body's chunks through while the deadline holds; a chunk that does not
 * arrive in time ends the iteration with {@link DeadlineExceededError} (readObject
 * reports it as `unreadable`, so the message is retried) and releases the source.
 */
export async function* untilDeadline(
  body: AsyncIterable<Uint8Array>,
  deadline: number,
  what: string,
): AsyncGenerator<Uint8Array> {
  const source = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await beforeDeadline(source.next(), deadline, what);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a stalled stream may never answer; return() destroys a Readable.
    source.return?.()?.catch(() => undefined);
  }
}

import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`; rejects early when `signal` aborts. Injected in tests. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** Poll and retry delays: `initialMs`, multiplied by `factor` each time, capped at `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export function backoffDelay(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, Math.round(backoff.initialMs * backoff.factor ** attempt));
}

const THROTTLING = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling']);

/** An AWS error that says "slow down" (Athena: TooManyRequestsException, API rate: ThrottlingException). */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: { throttling?: boolean };
  };
  return (
    (typeof e.name === 'string' && THROTTLING.has(e.name)) ||
    e.$metadata?.httpStatusCode === 429 ||
    e.$retryable?.throttling === true
  );
}

/**
 * Calls `call`, retrying throttling errors with backoff. The SDK retries too, but
 * Athena's per-account query concurrency limit (TooManyRequestsException) can
 * outlast its few quick attempts; other errors pass through at once.
 */
export async function retryThrottled<T>(
  call: () => Promise<T>,
  options: { attempts: number; backoff: Backoff; sleep: Sleep; signal?: AbortSignal },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error) || attempt + 1 >= options.attempts) throw error;
      await options.sleep(backoffDelay(options.backoff, attempt), options.signal);
    }
  }
}

import { setTimeout as delay } from 'node:timers/promises';

/** Retry policy for CloudWatch calls; `sleep` and `random` are injected in tests. */
export interface RetryOptions {
  /** Calls in all, the first included. */
  readonly attempts: number;
  /** First backoff ceiling; doubled per attempt up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): full jitter spreads retries of concurrent callers apart. */
  readonly random?: () => number;
  /** Epoch ms after which no retry starts (the Lambda must keep time to publish). */
  readonly deadline?: number;
  readonly now?: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 };

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const TRANSIENT = new Set([
  'InternalServiceFault',
  'InternalServiceError',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Worth calling again: throttling (GetMetricData allows 50 calls a second per
 * account and region), a 5xx, or a dropped connection. Validation and access
 * errors are not: the same call would fail the same way.
 */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = e.$metadata?.httpStatusCode;
  return (
    THROTTLING.has(name) ||
    TRANSIENT.has(name) ||
    TRANSIENT.has(code) ||
    status === 429 ||
    (typeof status === 'number' && status >= 500) ||
    e.$retryable !== undefined
  );
}

/**
 * Calls `call` until it succeeds, retrying retryable errors with exponential
 * backoff and full jitter; the last error is thrown. The SDK's own retries run
 * first inside each call; these outlast a burst of throttling they give up on.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt >= options.attempts) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const wait = Math.floor(random() * ceiling);
      if (options.deadline !== undefined && now() + wait >= options.deadline) throw error;
      await sleep(wait);
    }
  }
}

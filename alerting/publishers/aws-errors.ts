/**
 * Classifying AWS SDK v3 errors for our own retry decisions. The SDK retries too
 * (standard mode, 3 attempts by default); these rules decide what WE do once a
 * call has failed: retry later (throttling, 5xx, network) or treat as permanent.
 */

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'KMSThrottlingException',
  'ProvisionedThroughputExceededException',
]);

const TRANSIENT = new Set([
  'InternalError',
  'InternalErrorException',
  'InternalFailure',
  'ServiceUnavailable',
  'ConcurrentAccessException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** SNS's "this request itself is wrong" errors: retrying the same request cannot help. */
const INVALID_REQUEST = new Set([
  'InvalidParameter',
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'ValidationError',
  'ValidationException',
]);

interface AwsErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Throttling, 5xx, timeouts and connection resets: worth another attempt after a pause. */
export function isRetryableAwsError(error: unknown): boolean {
  const e = shape(error);
  if (!e) return false;
  const names = namesOf(e);
  if (names.some((n) => THROTTLING.has(n) || TRANSIENT.has(n) || NETWORK.has(n))) return true;
  if (e.$retryable) return true;
  const status = Number(e.$metadata?.httpStatusCode);
  return status === 429 || (status >= 500 && status <= 599) || e.$fault === 'server';
}

/** The request was rejected as malformed (Subject, size, attributes): change it before trying again. */
export function isInvalidRequestError(error: unknown): boolean {
  const e = shape(error);
  return e !== undefined && namesOf(e).some((n) => INVALID_REQUEST.has(n));
}

function shape(error: unknown): AwsErrorShape | undefined {
  return typeof error === 'object' && error !== null ? (error as AwsErrorShape) : undefined;
}

function namesOf(e: AwsErrorShape): string[] {
  return [e.name, e.code, e.Code].filter((n): n is string => typeof n === 'string');
}

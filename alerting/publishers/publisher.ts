import type { Alert } from '../alert.js';

/** An alert that could not be delivered, and why. */
export interface PublishFailure {
  readonly id: string;
  readonly reason: string;
  readonly error?: unknown;
}

/**
 * The outcome per alert. Every alert handed to `publish` is in exactly one of
 * `published` or `failed`: an alert is never silently acknowledged. Feed
 * `published` to `AlertAggregator.commit`; report the batch as failed if
 * `failed` is not empty, so it is delivered again.
 */
export interface PublishResult {
  readonly published: readonly string[];
  readonly failed: readonly PublishFailure[];
  /** Published, but only in a reduced form (e.g. SNS's minimal fallback); also in `published`. */
  readonly degraded?: readonly PublishFailure[];
}

/** A destination for alerts: a terminal, a file, an SNS topic. */
export interface AlertPublisher {
  publish(alerts: readonly Alert[]): Promise<PublishResult>;
}

/** Every alert delivered. */
export function allPublished(alerts: readonly Alert[]): PublishResult {
  return { published: alerts.map((a) => a.id), failed: [] };
}

/** Every alert failed for one reason (a broken output stream, say). */
export function allFailed(alerts: readonly Alert[], error: unknown): PublishResult {
  const reason = describeError(error);
  return { published: [], failed: alerts.map((a) => ({ id: a.id, reason, error })) };
}

/** A short "name: message" for a failure reason. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

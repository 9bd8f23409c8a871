import { setTimeout as delay } from 'node:timers/promises';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Severity } from '../../detectors/types.js';
import type { Alert } from '../alert.js';
import { runLimited } from '../run-limited.js';
import { buildSnsMessage, fallbackSnsMessage, type SnsMessage } from '../sns-message.js';
import { isInvalidRequestError, isRetryableAwsError } from './aws-errors.js';
import {
  type AlertPublisher,
  describeError,
  type PublishFailure,
  type PublishResult,
} from './publisher.js';

/** One topic for everything, or a choice per alert (e.g. critical/high to the paging topic). */
export type TopicRouting = string | ((severity: Severity, alert: Alert) => string | undefined);

export interface SnsPublisherOptions {
  /** Attempts per message for throttling, 5xx and network errors (on top of the SDK's own). Default 3. */
  readonly maxAttempts?: number;
  /** First backoff step; doubles per attempt, full jitter. Default 200 ms. */
  readonly baseDelayMs?: number;
  /** Longest single pause. Default 5000 ms. */
  readonly maxDelayMs?: number;
  /** Alerts published at once. Default 4. */
  readonly concurrency?: number;
  /** Byte budget for one message; see `buildSnsMessage`. */
  readonly maxMessageBytes?: number;
  /** Injected in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/**
 * Publishes each alert with its own `PublishCommand` (see `buildSnsMessage` for
 * the message). Failures are sorted, never swallowed:
 * - throttling, 5xx, timeouts, resets: retried with exponential backoff and
 *   jitter, then reported failed;
 * - InvalidParameter (a Subject or size SNS would not take): sent once more as the
 *   minimal fallback message, reported `degraded`; if that fails too, failed;
 * - anything else (AuthorizationError, KMS, NotFound): failed at once, it is
 *   configuration and retrying cannot help.
 *
 * The SNSClient's own retries (standard mode, `maxAttempts` 3 by default) run
 * inside each of our attempts; construct it with `maxAttempts: 1` or 2 if the
 * product is too long for the Lambda deadline.
 */
export class SnsAlertPublisher implements AlertPublisher {
  private readonly route: (alert: Alert) => string | undefined;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly client: SNSClient,
    topic: TopicRouting,
    private readonly options: SnsPublisherOptions = {},
  ) {
    this.route = typeof topic === 'function' ? (a) => topic(a.severity, a) : () => topic;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.sleep = options.sleep ?? ((ms) => delay(ms).then(() => undefined));
    this.random = options.random ?? Math.random;
  }

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    const published: string[] = [];
    const failed: PublishFailure[] = [];
    const degraded: PublishFailure[] = [];
    await runLimited(alerts, this.options.concurrency ?? 4, async (alert) => {
      const outcome = await this.publishOne(alert);
      if (outcome.kind === 'failed') failed.push(outcome.failure);
      else published.push(alert.id);
      if (outcome.kind === 'degraded') degraded.push(outcome.failure);
    });
    return degraded.length > 0 ? { published, failed, degraded } : { published, failed };
  }

  private async publishOne(
    alert: Alert,
  ): Promise<{ kind: 'published' } | { kind: 'degraded' | 'failed'; failure: PublishFailure }> {
    let topicArn: string | undefined;
    try {
      topicArn = this.route(alert);
    } catch (error) {
      return failed(alert, `topic routing threw: ${describeError(error)}`, error);
    }
    if (!topicArn) return failed(alert, `no SNS topic for severity ${alert.severity}`);
    let message: SnsMessage;
    try {
      message = buildSnsMessage(alert, this.options.maxMessageBytes);
    } catch {
      // Only malformed alert objects get here; the minimal message is the safe way out.
      message = fallbackSnsMessage(alert);
    }
    const first = await this.send(topicArn, message);
    if (!first) return { kind: 'published' };
    if (!isInvalidRequestError(first.error)) return failed(alert, first.reason, first.error);
    const second = await this.send(topicArn, fallbackSnsMessage(alert));
    if (!second) {
      const reason = `sent as the minimal fallback after ${first.reason}`;
      return { kind: 'degraded', failure: { id: alert.id, reason, error: first.error } };
    }
    const reason = `${first.reason}; the minimal fallback failed too: ${second.reason}`;
    return failed(alert, reason, second.error);
  }

  /** Sends with retries; returns why it finally failed, or `undefined` once SNS accepted it. */
  private async send(
    topicArn: string,
    message: SnsMessage,
  ): Promise<{ error: unknown; reason: string } | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new PublishCommand({ TopicArn: topicArn, ...message }));
        return undefined;
      } catch (error) {
        if (attempt >= this.maxAttempts || !isRetryableAwsError(error)) {
          const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
          return { error, reason: `${describeError(error)}${tries}` };
        }
        await this.sleep(this.backoff(attempt));
      }
    }
  }

  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 200;
    const cap = this.options.maxDelayMs ?? 5000;
    return Math.floor(this.random() * Math.min(cap, base * 2 ** (attempt - 1)));
  }
}

function failed(
  alert: Alert,
  reason: string,
  error?: unknown,
): { kind: 'failed'; failure: PublishFailure } {
  return { kind: 'failed', failure: { id: alert.id, reason, error } };
}

import { setTimeout as delay } from 'node:timers/promises';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Severity } from '../../detectors/types.js';
import type { Alert } from '../alert.js';
import { byUrgency } from '../alert-order.js';
import { runLimited } from '../run-limited.js';
import { buildSnsMessage, fallbackSnsMessage, type SnsMessage } from '../sns-message.js';
import { isInvalidRequestError, isRetryableAwsError } from './aws-errors.js';
import {
  type AlertPublisher,
  describeError,
  type PublishFailure,
  type PublishResult,
} from './publisher.js';
import { summaryAlert } from './summary-alert.js';
import {
  type BudgetLimit,
  type BudgetSlot,
  TopicBudget,
  type TopicBudgetOptions,
} from './topic-budget.js';

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
  /**
   * Per-topic rate limit (see {@link TopicBudget} for the policy: per-detector shares,
   * a shared pool, a reserve for critical alerts); the rest of a batch goes out as
   * one summary alert per topic (most urgent alerts are sent one by one first).
   * Default: no limit.
   */
  readonly budget?: TopicBudgetOptions | TopicBudget;
  /** Injected in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

type Outcome = { kind: 'published' } | { kind: 'degraded' | 'failed'; failure: PublishFailure };

/** An alert over budget, and the limit that refused it. */
interface Folded {
  readonly alert: Alert;
  readonly limit: BudgetLimit;
}

const LIMIT_TEXT: Readonly<Record<BudgetLimit, string>> = {
  detector: "its detector's share for this severity is spent",
  destination: "the topic's shared slots are spent",
};

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
 * With a `budget`, alerts over a topic's budget are folded into one summary alert
 * for that topic (see `summaryAlert`); each folded alert is then reported
 * `published` and `degraded` if the summary went out, `failed` if it did not.
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
  private readonly budget: TopicBudget | undefined;

  constructor(
    private readonly client: SNSClient,
    topic: TopicRouting,
    private readonly options: SnsPublisherOptions = {},
  ) {
    this.route = typeof topic === 'function' ? (a) => topic(a.severity, a) : () => topic;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.sleep = options.sleep ?? ((ms) => delay(ms).then(() => undefined));
    this.random = options.random ?? Math.random;
    const budget = options.budget;
    this.budget =
      budget === undefined || budget instanceof TopicBudget ? budget : new TopicBudget(budget);
  }

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    const published: string[] = [];
    const failed: PublishFailure[] = [];
    const degraded: PublishFailure[] = [];
    const record = (alert: Alert, outcome: Outcome) => {
      if (outcome.kind === 'failed') failed.push(outcome.failure);
      else published.push(alert.id);
      if (outcome.kind === 'degraded') degraded.push(outcome.failure);
    };
    const sends: { alert: Alert; topicArn: string; slot?: BudgetSlot }[] = [];
    const folded = new Map<string, Folded[]>();
    // Most urgent first, so the budget goes to the alerts that matter most.
    for (const alert of this.budget ? [...alerts].sort(byUrgency) : alerts) {
      const topicArn = this.topicOf(alert);
      if (typeof topicArn !== 'string') {
        record(alert, topicArn);
        continue;
      }
      const decision = this.budget?.take(topicArn, alert);
      if (decision === undefined) sends.push({ alert, topicArn });
      else if (decision.granted) sends.push({ alert, topicArn, slot: decision.slot });
      else {
        const group = folded.get(topicArn);
        const entry = { alert, limit: decision.limit };
        if (group) group.push(entry);
        else folded.set(topicArn, [entry]);
      }
    }
    await runLimited(sends, this.options.concurrency ?? 4, async ({ alert, topicArn, slot }) => {
      const outcome = await this.publishOne(alert, topicArn);
      if (outcome.kind === 'failed' && slot) this.budget?.refund(slot);
      record(alert, outcome);
    });
    for (const [topicArn, group] of folded) {
      for (const [alert, outcome] of await this.publishSummary(topicArn, group)) {
        record(alert, outcome);
      }
    }
    return degraded.length > 0 ? { published, failed, degraded } : { published, failed };
  }

  /** The alert's topic, or its failure when routing gives none. */
  private topicOf(alert: Alert): string | Outcome {
    try {
      const topicArn = this.route(alert);
      return topicArn ? topicArn : failed(alert, `no SNS topic for severity ${alert.severity}`);
    } catch (error) {
      return failed(alert, `topic routing threw: ${describeError(error)}`, error);
    }
  }

  /** Sends one summary for `group`; every alert in it shares the summary's fate. */
  private async publishSummary(
    topicArn: string,
    group: readonly Folded[],
  ): Promise<[Alert, Outcome][]> {
    const budget = this.budget as TopicBudget;
    const summary = summaryAlert(
      topicArn,
      group.map((f) => f.alert),
      budget,
    );
    const outcome = await this.publishOne(summary, topicArn);
    if (outcome.kind === 'failed') {
      const reason = `over the topic budget; its summary alert ${summary.id} failed: ${outcome.failure.reason}`;
      return group.map(({ alert }) => [alert, failed(alert, reason, outcome.failure.error)]);
    }
    return group.map(({ alert, limit }) => {
      const reason = `over the topic budget (${LIMIT_TEXT[limit]}; ${budget.describe()}): sent within summary alert ${summary.id}`;
      return [alert, { kind: 'degraded', failure: { id: alert.id, reason } }];
    });
  }

  private async publishOne(alert: Alert, topicArn: string): Promise<Outcome> {
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

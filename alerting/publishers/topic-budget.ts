/** Limits of a {@link TopicBudget}. */
export interface TopicBudgetOptions {
  /** Most alerts one destination receives within `windowMs`. Default 20. */
  readonly maxAlerts?: number;
  /** Length of the sliding window. Default 60,000 ms. */
  readonly windowMs?: number;
  /** Injected in tests. */
  readonly now?: () => number;
}

export const DEFAULT_TOPIC_BUDGET = { maxAlerts: 20, windowMs: 60_000 } as const;

/**
 * How many alerts each destination (an SNS topic) may still receive: at most
 * `maxAlerts` in any `windowMs`, counted per destination. A storm across many
 * detectors would otherwise reach on-call as hundreds of messages, and SNS
 * deactivates an email subscription that gets more than about 10 deliveries a
 * second. Alerts over budget are not dropped: the publisher folds them into one
 * summary per destination.
 *
 * The budget lives as long as the object (a warm Lambda container, a CLI run);
 * concurrent containers each have their own.
 */
export class TopicBudget {
  readonly maxAlerts: number;
  readonly windowMs: number;
  private readonly now: () => number;
  /** Per destination: send times within the window, oldest first (at most `maxAlerts`). */
  private readonly sent = new Map<string, number[]>();

  constructor(options: TopicBudgetOptions = {}) {
    this.maxAlerts = whole(options.maxAlerts, DEFAULT_TOPIC_BUDGET.maxAlerts);
    this.windowMs = whole(options.windowMs, DEFAULT_TOPIC_BUDGET.windowMs);
    this.now = options.now ?? Date.now;
  }

  /** Takes one slot for `destination` if one is free; false when the budget is spent. */
  take(destination: string): boolean {
    const now = this.now();
    const times = this.sent.get(destination) ?? [];
    while (times.length > 0 && (times[0] as number) <= now - this.windowMs) times.shift();
    if (times.length >= this.maxAlerts) {
      this.sent.set(destination, times);
      return false;
    }
    times.push(now);
    this.sent.set(destination, times);
    return true;
  }

  /** Gives back a slot taken for an alert that then failed to publish: it was never delivered. */
  refund(destination: string): void {
    this.sent.get(destination)?.pop();
  }
}

function whole(value: number | undefined, fallback: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

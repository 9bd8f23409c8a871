import type { Severity } from '../../detectors/types.js';

/** Limits of a {@link TopicBudget}; each counts within one sliding window, per destination. */
export interface TopicBudgetOptions {
  /** Alerts (critical ones aside) one destination receives individually. Default 20. */
  readonly maxAlerts?: number;
  /**
   * Alerts one detector sends individually to one destination, per severity.
   * Default a quarter of `maxAlerts` (5), at least 1.
   */
  readonly maxPerDetector?: number;
  /** Slots only critical alerts may use, on top of `maxAlerts`. Default `maxAlerts`. */
  readonly criticalReserve?: number;
  /** Length of the sliding window. Default 60,000 ms. */
  readonly windowMs?: number;
  /** Injected in tests. */
  readonly now?: () => number;
}

export const DEFAULT_TOPIC_BUDGET = { maxAlerts: 20, windowMs: 60_000 } as const;

/** Who asks for a slot: the alert's detector and severity. */
export interface BudgetClaim {
  readonly detector: string;
  readonly severity: Severity;
}

/** Which limit refused an alert; the publisher says it in the summary's reason. */
export type BudgetLimit = 'detector' | 'destination';

/** A slot taken by {@link TopicBudget.take}: give it back with `refund` if the send fails. */
export interface BudgetSlot {
  readonly destination: string;
  readonly share: string;
  readonly pool: 'reserve' | 'shared';
  readonly at: number;
}

export type BudgetDecision =
  | { readonly granted: true; readonly slot: BudgetSlot }
  | { readonly granted: false; readonly limit: BudgetLimit };

/** One destination's send times within the window, oldest first. */
interface DestinationLedger {
  readonly shared: number[];
  readonly reserve: number[];
  /** Per detector and severity: bounded by the detector catalog times five severities. */
  readonly shares: Map<string, number[]>;
}

/**
 * How many alerts each destination (an SNS topic) may still receive individually.
 * Alerts over budget are not dropped: the publisher folds them into one summary per
 * destination. Without a budget a storm reaches on-call as hundreds of messages, and
 * SNS disables an email subscription that gets more than about 10 deliveries a second.
 *
 * The policy, within any `windowMs` and per destination:
 * - each detector sends at most `maxPerDetector` alerts of one severity individually:
 *   a flood from one detector (forged events, a noisy automation) folds only that
 *   detector's own alerts of that severity, never another detector's, and a flood of
 *   a detector's failed attempts (lower severity) never folds its own critical success;
 * - alerts other than critical share `maxAlerts` slots, so it takes at least
 *   `maxAlerts / maxPerDetector` (4) detectors flooding at once before a fifth is folded;
 * - critical alerts use `criticalReserve` slots nobody else may take, then the shared
 *   ones: a critical alert is folded only when its own detector already sent its share
 *   of criticals, or when reserve and shared slots are both spent, which takes
 *   `(criticalReserve + maxAlerts) / maxPerDetector` (8) detectors flooding at once.
 * So at most `maxAlerts + criticalReserve` individual messages (40 a minute by default,
 * well under SNS's email rate) plus one summary per batch reach a destination.
 *
 * The budget lives as long as the object (a warm Lambda container, a CLI run);
 * concurrent containers each have their own.
 */
export class TopicBudget {
  readonly maxAlerts: number;
  readonly maxPerDetector: number;
  readonly criticalReserve: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly ledgers = new Map<string, DestinationLedger>();

  constructor(options: TopicBudgetOptions = {}) {
    this.maxAlerts = whole(options.maxAlerts, DEFAULT_TOPIC_BUDGET.maxAlerts);
    this.maxPerDetector = whole(
      options.maxPerDetector,
      Math.max(1, Math.floor(this.maxAlerts / 4)),
    );
    this.criticalReserve = whole(options.criticalReserve, this.maxAlerts);
    this.windowMs = whole(options.windowMs, DEFAULT_TOPIC_BUDGET.windowMs);
    this.now = options.now ?? Date.now;
  }

  /** Takes a slot for one alert to `destination`, or says which limit refuses it. */
  take(destination: string, claim: BudgetClaim): BudgetDecision {
    const now = this.now();
    const ledger = this.ledgerOf(destination, now);
    const share = `${claim.detector}\u0000${claim.severity}`;
    const sent = ledger.shares.get(share) ?? [];
    if (sent.length >= this.maxPerDetector) return { granted: false, limit: 'detector' };
    let pool: BudgetSlot['pool'];
    if (claim.severity === 'critical' && ledger.reserve.length < this.criticalReserve) {
      pool = 'reserve';
    } else if (ledger.shared.length < this.maxAlerts) pool = 'shared';
    else return { granted: false, limit: 'destination' };
    ledger[pool].push(now);
    sent.push(now);
    ledger.shares.set(share, sent);
    return { granted: true, slot: { destination, share, pool, at: now } };
  }

  /** Gives back a slot taken for an alert that then failed to publish: it was never delivered. */
  refund(slot: BudgetSlot): void {
    const ledger = this.ledgers.get(slot.destination);
    if (!ledger) return;
    removeOne(ledger[slot.pool], slot.at);
    const sent = ledger.shares.get(slot.share);
    if (sent) removeOne(sent, slot.at);
  }

  /** What the summary says about the limits. */
  describe(): string {
    const seconds = Math.round(this.windowMs / 1000);
    return (
      `${this.maxAlerts} per ${seconds} s, ${this.maxPerDetector} per detector and severity, ` +
      `${this.criticalReserve} more for critical`
    );
  }

  /** The destination's ledger with every time older than the window dropped. */
  private ledgerOf(destination: string, now: number): DestinationLedger {
    const oldest = now - this.windowMs;
    let ledger = this.ledgers.get(destination);
    if (!ledger) {
      ledger = { shared: [], reserve: [], shares: new Map() };
      this.ledgers.set(destination, ledger);
    }
    dropBefore(ledger.shared, oldest);
    dropBefore(ledger.reserve, oldest);
    for (const [share, times] of ledger.shares) {
      dropBefore(times, oldest);
      if (times.length === 0) ledger.shares.delete(share);
    }
    return ledger;
  }
}

function dropBefore(times: number[], oldest: number): void {
  let n = 0;
  while (n < times.length && (times[n] as number) <= oldest) n++;
  if (n > 0) times.splice(0, n);
}

function removeOne(times: number[], at: number): void {
  const i = times.lastIndexOf(at);
  if (i >= 0) times.splice(i, 1);
}

function whole(value: number | undefined, fallback: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

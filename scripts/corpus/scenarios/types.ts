import type { Ctx } from '../context.js';
import type { JsonObject } from '../record.js';

/** Where a scenario's events are logged. */
export type Scope =
  /** The organisation trail's home: the management account, global region. */
  | 'home'
  /** Global services (IAM, sign-in): the global region, any account. */
  | 'global'
  /** Any account and region. */
  | 'any';

/**
 * A seeded event (or burst of events) with known ground truth. Attacks name the
 * detectors that must fire on them; decoys share event names with attacks but
 * are benign, and name the detectors that must not fire at high/critical.
 */
export interface Scenario {
  readonly kind: string;
  readonly role: 'attack' | 'decoy';
  /** Detector ids expected to fire (attacks), or allowed to fire legitimately (decoys). */
  readonly expect: readonly string[];
  /** Decoys only: detector ids that must not fire at severity high or critical. */
  readonly mustNotFire: readonly string[];
  readonly scope: Scope;
  /** Number of records `build` returns. */
  readonly size: number;
  /** How long the events spread over, in milliseconds (bursts). */
  readonly spanMs: number;
  /** What makes this an attack or a decoy, in words (written into truth.json). */
  readonly criteria: string;
  /**
   * Records for this scenario, starting at `ctx.time`. The last record is the one
   * truth.json names (for bursts, the event at which the threshold is crossed).
   */
  readonly build: (ctx: ScenarioCtx) => JsonObject[];
}

export interface ScenarioCtx extends Ctx {
  /** 0 for the first copy of a scenario, 1 for the second... (large corpora seed several). */
  readonly repeat: number;
}

import { createHash } from 'node:crypto';
import { type Detector, SEVERITY_RANK, type Severity } from '../detectors/types.js';
import { ALERT_SCHEMA_VERSION, type Alert, MAX_EVENT_IDS, MAX_RESOURCES } from './alert.js';
import { type AlertBuildOptions, iso, runbookOf } from './alert-builder.js';
import { precedes } from './alert-group.js';
import { fingerprintOf } from './fingerprint.js';
import type { AlertGroup, EventIdSample, FindingSample } from './state-store.js';

/**
 * The alerts a detector could not send in one flush because it hit its cap, folded
 * into one "storm" alert: how many, how many events, the worst severity, the time
 * span. Memory stays constant however many are folded, and the id depends only on
 * which alerts were folded, not on their order.
 */
export class StormAccumulator {
  alerts = 0;
  events = 0;
  severity: Severity = 'info';
  private firstSeen = Number.POSITIVE_INFINITY;
  private lastSeen = Number.NEGATIVE_INFINITY;
  private sample: FindingSample | undefined;
  private readonly eventIds: EventIdSample[] = [];
  private readonly resources: string[] = [];
  private readonly distinct = { account: new Set<string>(), region: new Set<string>() };
  private readonly principals = new Set<string>();
  private readonly sourceIps = new Set<string>();
  private idHi = 0;
  private idLo = 0;

  constructor(
    readonly detector: Detector,
    readonly cap: number,
  ) {}

  /** Folds one group's would-be alert (identified by dedup key + window start). */
  add(dedupKey: string, group: AlertGroup): void {
    this.alerts += 1;
    this.events += group.count;
    if (SEVERITY_RANK[group.severity] > SEVERITY_RANK[this.severity])
      this.severity = group.severity;
    this.firstSeen = Math.min(this.firstSeen, group.firstSeen);
    this.lastSeen = Math.max(this.lastSeen, group.lastSeen);
    if (!this.sample || precedes(group.sample, this.sample)) this.sample = group.sample;
    for (const e of group.eventIds) {
      if (this.eventIds.length < MAX_EVENT_IDS) this.eventIds.push(e);
    }
    for (const r of group.resources) {
      if (this.resources.length < MAX_RESOURCES && !this.resources.includes(r))
        this.resources.push(r);
    }
    remember(this.distinct.account, group.sample.account);
    remember(this.distinct.region, group.sample.region);
    remember(this.principals, group.sample.principal);
    remember(this.sourceIps, group.sample.sourceIp);
    // Order-independent digest of the folded alerts: sums of their fingerprints.
    const fp = fingerprintOf(`${dedupKey}\n${group.start}\n${group.severity}`);
    this.idHi = (this.idHi + fp.hi) >>> 0;
    this.idLo = (this.idLo + fp.lo) >>> 0;
  }

  toAlert(options: AlertBuildOptions = {}): Alert {
    const id = createHash('sha256')
      .update(`storm\n${this.detector.id}\n${this.alerts}\n${this.idHi}:${this.idLo}`)
      .digest('hex');
    const first = this.sample?.summary ?? '';
    return {
      schemaVersion: ALERT_SCHEMA_VERSION,
      id,
      detector: this.detector.id,
      title: `Alert storm: ${this.detector.title}`,
      severity: this.severity,
      summary:
        `${this.alerts} more alerts of ${this.detector.id} were folded into this one after the ` +
        `first ${this.cap} in this batch; together ${this.events} events. First: ${first}`,
      firstSeen: iso(this.firstSeen),
      lastSeen: iso(this.lastSeen),
      count: this.events,
      account: oneOrMany(this.distinct.account),
      region: oneOrMany(this.distinct.region),
      principal: oneOrMany(this.principals),
      sourceIp: oneOrMany(this.sourceIps),
      resources: [...this.resources],
      eventIds: [...this.eventIds].sort((a, b) => a.time - b.time).map((e) => e.id),
      dedupKey: 'storm',
      runbook: runbookOf(this.detector, options),
      investigate: [],
      attack: [...this.detector.attack],
      suppressedAlerts: this.alerts,
    };
  }
}

/** Tracks at most two distinct values: all that `oneOrMany` needs. */
function remember(set: Set<string>, value: string): void {
  if (set.size < 2) set.add(value);
}

function oneOrMany(set: ReadonlySet<string>): string {
  return set.size === 1 ? ([...set][0] ?? 'unknown') : 'multiple';
}

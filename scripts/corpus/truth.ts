import type { JsonObject } from './record.js';
import type { Scenario } from './scenarios/index.js';
import type { WrittenFile } from './write.js';

/**
 * The ground truth written beside the corpus (`truth.json`): every seeded
 * event, where it is and what must (or must not) fire on it, plus counts and
 * sizes that benchmarks and tests check the corpus against.
 */

export interface SeededEntry {
  /** The event truth is about (for bursts, the one that crosses the threshold). */
  readonly eventID: string;
  /** For bursts: every event of the burst, in time order. */
  readonly eventIDs?: readonly string[];
  readonly file: string;
  readonly kind: string;
  readonly eventName: string;
  readonly account: string;
  readonly region: string;
}

export interface AttackEntry extends SeededEntry {
  readonly expect: readonly string[];
}

export interface DecoyEntry extends SeededEntry {
  readonly decoy: true;
  readonly mustNotFire: readonly string[];
  /** Detectors that may fire legitimately (e.g. iam-policy-changed on any policy change). */
  readonly mayFire: readonly string[];
}

export interface FileEntry {
  readonly stored: number;
  readonly uncompressed: number;
  readonly events: number;
  readonly sha256: string;
}

export interface Truth {
  readonly generator: string;
  readonly seed: string;
  readonly options: JsonObject;
  readonly organization: JsonObject;
  /** Records in the S3 log files (extras not included). */
  readonly events: number;
  /** S3 log files (the digest and extras not included). */
  readonly files: number;
  readonly attacks: AttackEntry[];
  readonly decoys: DecoyEntry[];
  readonly kinds: Record<string, JsonObject>;
  readonly extras: Record<string, JsonObject>;
  /** Records per `eventSource:eventName` across the S3 log files. */
  readonly counts: Record<string, number>;
  /** Per written file (log files, digest and extras), keyed by path relative to the output directory. */
  readonly bytes: Record<string, FileEntry>;
}

export class TruthBuilder {
  private readonly counts = new Map<string, number>();
  private readonly attacks: AttackEntry[] = [];
  private readonly decoys: DecoyEntry[] = [];
  private readonly kinds = new Map<string, JsonObject>();
  private readonly bytes = new Map<string, FileEntry>();
  private readonly extras: Record<string, JsonObject> = {};
  private events = 0;
  private files = 0;

  /** Counts one S3 log record. */
  count(source: string, name: string): void {
    const key = `${source}:${name}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  addLogFile(written: WrittenFile, events: number): void {
    this.files++;
    this.events += events;
    this.addFile(written, events);
  }

  addFile(written: WrittenFile, events: number): void {
    const { stored, uncompressed, sha256 } = written;
    this.bytes.set(written.key, { stored, uncompressed, events, sha256 });
  }

  addExtra(name: string, detail: JsonObject): void {
    this.extras[name] = detail;
  }

  addSeeded(scenario: Scenario, records: readonly JsonObject[], file: string): void {
    const last = records[records.length - 1];
    if (!last) return;
    const entry: SeededEntry = {
      eventID: String(last.eventID),
      ...(records.length > 1 ? { eventIDs: records.map((r) => String(r.eventID)) } : {}),
      file,
      kind: scenario.kind,
      eventName: String(last.eventName),
      account: String(last.recipientAccountId),
      region: String(last.awsRegion),
    };
    if (scenario.role === 'attack') this.attacks.push({ ...entry, expect: scenario.expect });
    else
      this.decoys.push({
        ...entry,
        decoy: true,
        mustNotFire: scenario.mustNotFire,
        mayFire: scenario.expect,
      });
    if (!this.kinds.has(scenario.kind)) {
      this.kinds.set(scenario.kind, {
        role: scenario.role,
        criteria: scenario.criteria,
        ...(scenario.role === 'attack'
          ? { expect: scenario.expect }
          : { mustNotFire: scenario.mustNotFire, mayFire: scenario.expect }),
        events: scenario.size,
      });
    }
  }

  build(header: Pick<Truth, 'generator' | 'seed' | 'options' | 'organization'>): Truth {
    const sorted = <T>(map: Map<string, T>) =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      ...header,
      events: this.events,
      files: this.files,
      attacks: this.attacks,
      decoys: this.decoys,
      kinds: sorted(this.kinds),
      extras: this.extras,
      counts: sorted(this.counts),
      bytes: sorted(this.bytes),
    };
  }
}

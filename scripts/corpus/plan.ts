import { logFileKey } from './layout.js';
import type { Rng } from './prng.js';
import type { Scenario } from './scenarios/index.js';
import { MINUTE } from './time.js';
import type { Account, World } from './world.js';

/**
 * Decides, before any event is generated, which files exist, what time each
 * covers, how many records each holds and where every seeded scenario goes.
 * Only this small plan is held for the whole run; events are made file by file.
 */

/** CloudTrail delivers a file per account and region about every five minutes. */
export const WINDOW_MS = 5 * MINUTE;
/** Share of files from the global region (it also carries IAM, STS global, sign-in...). */
const GLOBAL_REGION_SHARE = 0.5;

export interface Placement {
  readonly scenario: Scenario;
  readonly repeat: number;
  /** Time of the scenario's first event. */
  readonly start: number;
}

export interface PlannedFile {
  readonly account: Account;
  readonly region: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly deliveredAt: number;
  /** Path relative to the output directory. */
  readonly key: string;
  /** Records in the file, seeded ones included. */
  readonly events: number;
  readonly placements: Placement[];
}

export class CorpusTooSmallError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorpusTooSmallError';
  }
}

function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

function filesPerRegion(world: World, files: number): Map<string, number> {
  const counts = new Map<string, number>();
  const others = world.regions.filter((r) => r !== world.globalRegion);
  const globalFiles =
    others.length === 0 ? files : Math.max(1, Math.round(files * GLOBAL_REGION_SHARE));
  counts.set(world.globalRegion, globalFiles);
  splitEvenly(files - globalFiles, Math.max(1, others.length)).forEach((n, i) => {
    const region = others[i];
    if (region) counts.set(region, n);
  });
  return counts;
}

/** Spreads `total` over the files with ±15 % jitter, exactly, every file at least one. */
function eventCounts(rng: Rng, total: number, files: number): number[] {
  const weights = Array.from({ length: files }, () => 0.85 + rng.next() * 0.3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - files;
  const counts = weights.map((w) => 1 + Math.floor((spare * w) / sum));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % files, missing--)
    counts[i] = (counts[i] as number) + 1;
  return counts;
}

export interface PlanInput {
  readonly world: World;
  readonly start: number;
  readonly files: number;
  readonly events: number;
  readonly orgTrail: boolean;
  /** Each entry is placed once per repeat. */
  readonly scenarios: readonly Scenario[];
  readonly repeats: number;
}

/** The full plan: files in delivery order, each with its seeded placements. */
export function planCorpus(rng: Rng, input: PlanInput): PlannedFile[] {
  const { world, start } = input;
  const shells: Omit<PlannedFile, 'events' | 'placements'>[] = [];
  for (const [region, count] of filesPerRegion(world, input.files)) {
    splitEvenly(count, world.accounts.length).forEach((n, a) => {
      const account = world.accounts[a] as Account;
      // Streams start at different minutes, as independent deliveries do.
      const offset = rng.int(0, 4) * MINUTE + rng.int(0, 59) * 1000;
      for (let j = 0; j < n; j++) {
        const windowStart = start + offset + j * WINDOW_MS;
        const windowEnd = windowStart + WINDOW_MS;
        const deliveredAt = windowEnd + rng.int(1, 4) * MINUTE + rng.int(0, 59) * 1000;
        const orgId = input.orgTrail ? world.orgId : undefined;
        shells.push({
          account,
          region,
          windowStart,
          windowEnd,
          deliveredAt,
          key: logFileKey(rng, orgId, account.id, region, deliveredAt),
        });
      }
    });
  }
  shells.sort((a, b) => a.deliveredAt - b.deliveredAt || a.key.localeCompare(b.key));
  const counts = eventCounts(rng, input.events, shells.length);
  const files: PlannedFile[] = shells.map((s, i) => ({
    ...s,
    events: counts[i] as number,
    placements: [],
  }));
  placeScenarios(rng, files, input);
  return files;
}

function inScope(file: PlannedFile, scenario: Scenario, world: World): boolean {
  if (scenario.scope === 'any') return true;
  if (file.region !== world.globalRegion) return false;
  return scenario.scope === 'global' || file.account === world.accounts[0];
}

function seededIn(file: PlannedFile): number {
  return file.placements.reduce((n, p) => n + p.scenario.size, 0);
}

/** Two copies of one kind closer than this in one account could merge into one alert. */
const SAME_KIND_GAP_MS = 15 * MINUTE;

interface Placed {
  readonly account: Account;
  readonly windowStart: number;
}

function conflicts(file: PlannedFile, placed: readonly Placed[]): boolean {
  return placed.some(
    (p) =>
      p.account === file.account && Math.abs(p.windowStart - file.windowStart) < SAME_KIND_GAP_MS,
  );
}

function placeScenarios(rng: Rng, files: PlannedFile[], input: PlanInput): void {
  const placedByKind = new Map<string, Placed[]>();
  for (let repeat = 0; repeat < input.repeats; repeat++) {
    for (const scenario of input.scenarios) {
      const room = (f: PlannedFile) => f.events - seededIn(f) >= scenario.size;
      const eligible = files.filter((f) => inScope(f, scenario, input.world) && room(f));
      if (eligible.length === 0) {
        throw new CorpusTooSmallError(
          `no file has room for seeded scenario "${scenario.kind}" (${scenario.size} events); ` +
            'raise --events or --files, or pass --no-attacks --no-decoys',
        );
      }
      const placed = placedByKind.get(scenario.kind) ?? [];
      placedByKind.set(scenario.kind, placed);
      const spaced = eligible.filter((f) => !conflicts(f, placed));
      const file = rng.pick(spaced.length > 0 ? spaced : eligible);
      placed.push({ account: file.account, windowStart: file.windowStart });
      const latest = WINDOW_MS - scenario.spanMs - 10_000;
      file.placements.push({
        scenario,
        repeat,
        start: file.windowStart + rng.int(0, Math.max(0, latest)),
      });
    }
  }
}

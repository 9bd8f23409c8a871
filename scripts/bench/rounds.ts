import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { measure, type Sample, type Tools } from './measure.js';
import type { Group, Method } from './plan.js';

/** A run's sample, with what the harness read from the method's output. */
export interface Run extends Sample {
  /** SHA-256 of the alerts file the method wrote (JSON Lines), when it writes one. */
  readonly alertsSha256?: string;
  /** Events the method reported (its JSON result, or the CLI's summary line). */
  readonly events?: number;
}

/** Runs by method id; index = round (undefined where a `once` method did not run). */
export type GroupRuns = Map<string, (Run | undefined)[]>;

/**
 * One warm-up round (discarded: it loads the files into the page cache), then `runs`
 * rounds. Each round runs the reference first, then every other method in an order
 * that rotates between rounds, so no method always follows the same neighbour.
 */
export async function runGroup(
  group: Group,
  runs: number,
  tools: Tools,
  log: (line: string) => void,
): Promise<GroupRuns> {
  const out: GroupRuns = new Map(group.methods.map((m) => [m.id, []]));
  const reference = group.methods.find((m) => m.id === group.reference) as Method;
  const others = group.methods.filter((m) => m.id !== group.reference);
  log(`${group.title}: warm-up`);
  for (const method of group.methods) if (!method.once) await runOnce(method, tools);
  for (let round = 0; round < runs; round++) {
    const rotated = others.map((_, i) => others[(i + round) % others.length] as Method);
    for (const method of [reference, ...rotated]) {
      const list = out.get(method.id) as (Run | undefined)[];
      if (method.once && round > 0) {
        list.push(undefined);
        continue;
      }
      const run = await runOnce(method, tools);
      list.push(run);
      const status = run.exitCode === 0 ? '' : ` FAILED (exit ${run.exitCode})`;
      log(
        `  round ${round + 1}/${runs} ${method.id}: ${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU, ${run.rssMiB.toFixed(0)} MiB${status}`,
      );
    }
  }
  return out;
}

async function runOnce(method: Method, tools: Tools): Promise<Run> {
  if (method.alertsFile) rmSync(method.alertsFile, { force: true });
  const sample = await measure(method.command, tools);
  const alertsSha256 =
    method.alertsFile && existsSync(method.alertsFile)
      ? createHash('sha256').update(readFileSync(method.alertsFile)).digest('hex')
      : undefined;
  return { ...sample, alertsSha256, events: eventsOf(sample) };
}

function eventsOf(sample: Sample): number | undefined {
  const reported = sample.result?.events;
  if (typeof reported === 'number') return reported;
  // `trailwatch scan` prints "scanned 150 files (...), 300,000 events in 4.1s" on stderr.
  const m = /scanned [\d,]+ files? \([^)]*\), ([\d,]+) events/.exec(sample.stderr);
  return m ? Number((m[1] as string).replaceAll(',', '')) : undefined;
}

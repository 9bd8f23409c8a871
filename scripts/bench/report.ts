import type { LambdaResult } from './lambda.js';
import type { Group, Method, Table } from './plan.js';
import type { GroupRuns, Run } from './rounds.js';
import { median, pairedRatio, summarise } from './stats.js';

/** One method's figures, as written to the results file. */
export interface Row {
  readonly group: Group['id'];
  readonly table: Table;
  readonly id: string;
  readonly label: string;
  readonly command: string;
  readonly runs: number;
  readonly failed: number;
  /** Last stderr line of a failed run (e.g. ERR_STRING_TOO_LONG). */
  readonly failure?: string;
  readonly wallSeconds: { readonly median: number; readonly min: number; readonly max: number };
  readonly cpuSeconds: { readonly median: number; readonly min: number; readonly max: number };
  readonly eventsPerSecond: number;
  /** Events per CPU second: steadier than wall time on a shared machine. */
  readonly eventsPerCpuSecond: number;
  readonly mbPerSecond: number;
  readonly peakRssMiB: number;
  /** Median over rounds of this run's time / the reference's time in the same round. */
  readonly ratioWall: number;
  readonly ratioCpu: number;
  readonly reference: string;
  /** Whether every run read the expected number of events (undefined: not reported). */
  readonly eventsOk: boolean | undefined;
  readonly alertsSha256?: readonly string[];
  readonly engineNsPerEvent?: number;
}

export function rowsOf(group: Group, runs: GroupRuns): Row[] {
  const reference = runs.get(group.reference) ?? [];
  return group.methods.map((method) => rowOf(group, method, runs.get(method.id) ?? [], reference));
}

function rowOf(
  group: Group,
  method: Method,
  list: readonly (Run | undefined)[],
  reference: readonly (Run | undefined)[],
): Row {
  const done = list.filter((r): r is Run => r !== undefined);
  const s = summarise(done);
  const firstFailure = done.find((r) => r.exitCode !== 0);
  const counted = done.filter((r) => r.exitCode === 0 && r.events !== undefined);
  const digests = new Set<string>();
  for (const r of done) {
    const digest = r.alertsSha256 ?? (r.result?.alertsSha256 as string | undefined);
    if (digest) digests.add(digest);
  }
  const engineNs = done
    .map((r) => r.result?.engineNsPerEvent)
    .filter((v): v is number => typeof v === 'number');
  return {
    group: group.id,
    table: method.table,
    id: method.id,
    label: method.label,
    command: method.shown,
    runs: s.runs,
    failed: s.failed,
    ...(firstFailure ? { failure: lastLine(firstFailure.stderr) } : {}),
    wallSeconds: s.wall,
    cpuSeconds: s.cpu,
    eventsPerSecond: method.events / s.wall.median,
    eventsPerCpuSecond: method.events / s.cpu.median,
    mbPerSecond: method.bytes / 1e6 / s.wall.median,
    peakRssMiB: s.rssMiB,
    ratioWall: pairedRatio(list, reference, (r) => r.wall),
    ratioCpu: pairedRatio(list, reference, (r) => r.cpu),
    reference: group.reference,
    eventsOk: counted.length === 0 ? undefined : counted.every((r) => r.events === method.events),
    ...(digests.size > 0 ? { alertsSha256: [...digests] } : {}),
    ...(engineNs.length > 0 ? { engineNsPerEvent: median(engineNs) } : {}),
  };
}

/** The error a failed run printed (GNU time's report, which follows it, is left out). */
function lastLine(text: string): string {
  const own = text.split(/\n\s*(?:Command exited with|Command being timed)/)[0] ?? text;
  const lines = own
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const error = lines.find((l) => /Error|ERR_/.test(l));
  return (error ?? lines[lines.length - 1] ?? '').slice(0, 200);
}

/** What issue 8 asks for, judged from the rows. */
export interface Verdicts {
  /** Throughput of the full scan relative to the baseline (1 / time ratio). */
  readonly scanThroughputVsBaseline: { readonly wall: number; readonly cpu: number };
  readonly scalingRatios: Readonly<Record<string, number>>;
  readonly largeFilePeakRssMiB: number | undefined;
  readonly parallelSpeedup: number | undefined;
  /**
   * The library's fast and exhaustive paths gave byte-identical alerts, and so did the
   * CLI with --jobs 1 and n (and from TypeScript source).
   */
  readonly identicalAlerts: boolean | undefined;
  readonly alertDigests: Readonly<Record<string, readonly string[]>>;
}

export function verdicts(
  rows: readonly Row[],
  parallel: GroupRuns | undefined,
  jobs: number,
): Verdicts {
  const row = (id: string) => rows.find((r) => r.id === id);
  const scan = row('scan');
  const scaling: Record<string, number> = {};
  for (const r of rows) if (r.table === 'scaling') scaling[r.id] = r.ratioCpu;
  const speedup =
    parallel === undefined
      ? undefined
      : pairedRatio(
          parallel.get('scan-jobs-1') ?? [],
          parallel.get(`scan-jobs-${jobs}`) ?? [],
          (r) => r.wall,
        );
  // Two classes, each compared within itself: the CLI adds investigate commands to its
  // alerts, the library runs (fast and exhaustive path) print the aggregator's alerts.
  const classes = [
    ['scan-lib', 'scan-exhaustive'],
    ['scan', 'scan-default-young', 'scan-tsx', 'scan-jobs-1', `scan-jobs-${jobs}`],
  ];
  const digests: Record<string, readonly string[]> = {};
  let identical: boolean | undefined;
  for (const ids of classes) {
    const found: string[] = [];
    for (const id of ids) {
      const d = row(id)?.alertsSha256;
      if (!d) continue;
      digests[id] = d;
      found.push(...d);
    }
    if (found.length >= 2) identical = (identical ?? true) && new Set(found).size === 1;
  }
  return {
    scanThroughputVsBaseline: {
      wall: scan ? 1 / scan.ratioWall : Number.NaN,
      cpu: scan ? 1 / scan.ratioCpu : Number.NaN,
    },
    scalingRatios: scaling,
    largeFilePeakRssMiB: row('scan-large')?.peakRssMiB,
    parallelSpeedup: speedup,
    identicalAlerts: identical,
    alertDigests: digests,
  };
}

/** Markdown table cells cannot hold a bare pipe. */
const cell = (text: string) => text.replaceAll('|', '\\|');
const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

const TABLE_TITLES: Record<Table, string> = {
  main: 'Main corpus: references and the scan (one core)',
  breakdown: 'Where the scan time goes (one core)',
  reference: 'Other tools, one simple filter (one core)',
  scaling: 'Engine scaling: synthetic catalogs (one core; no alerting)',
  parallel: 'Parallel scan (all cores, unpinned)',
  large: 'One large file (one core)',
};

/** The results as Markdown tables (the issue note and docs/performance.md use them). */
export function markdown(
  rows: readonly Row[],
  v: Verdicts,
  lambda: { nodeStartMs: number; bundles: readonly LambdaResult[] } | undefined,
  header: readonly string[],
): string {
  const out: string[] = [...header, ''];
  for (const table of Object.keys(TABLE_TITLES) as Table[]) {
    const list = rows.filter((r) => r.table === table);
    if (list.length === 0) continue;
    out.push(`### ${TABLE_TITLES[table]}`, '');
    const engine = table === 'scaling' || table === 'breakdown';
    out.push(
      `| method | median wall s (min–max) | CPU s | events/s | events/CPU-s | MB/s | peak RSS MiB | ratio vs ${list[0]?.reference} (wall · CPU) |${engine ? ' engine ns/event |' : ''}`,
      `|---|---|---|---|---|---|---|---|${engine ? '---|' : ''}`,
    );
    for (const r of list) {
      const failed =
        r.failed === r.runs
          ? `fails: ${r.failure ?? 'exit code'}`
          : `${f(r.wallSeconds.median)} (${f(r.wallSeconds.min)}–${f(r.wallSeconds.max)})`;
      const check = r.eventsOk === false ? ' ⚠ event count differs' : '';
      out.push(
        `| ${cell(r.label)}${check} | ${cell(failed)} | ${f(r.cpuSeconds.median)} | ${int(r.eventsPerSecond)} | ${int(r.eventsPerCpuSecond)} | ${f(r.mbPerSecond, 0)} | ${f(r.peakRssMiB, 0)} | ${f(r.ratioWall)} · ${f(r.ratioCpu)} |${engine ? ` ${r.engineNsPerEvent === undefined ? '' : int(r.engineNsPerEvent)} |` : ''}`,
      );
    }
    out.push('');
  }
  if (lambda) {
    out.push('### Lambda bundles and cold start', '');
    out.push(
      `| bundle | bytes (min.) | gzip | ≤ 1 MB | import ms | first invoke ms | init ms since process start | process ms | peak RSS MiB |`,
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const b of lambda.bundles) {
      out.push(
        `| ${b.name} | ${int(b.bytes)} | ${int(b.gzipBytes)} | ${b.withinBudget ? 'yes' : 'NO'} | ${f(b.importMs, 0)} | ${f(b.firstInvokeMs, 0)} | ${f(b.initMs, 0)} | ${f(b.processMs, 0)} | ${f(b.rssMiB, 0)} |`,
      );
    }
    out.push('', `\`node -e 0\` takes ${f(lambda.nodeStartMs, 0)} ms on this machine.`, '');
  }
  out.push('### Against the targets of issue 8', '');
  const t = v.scanThroughputVsBaseline;
  out.push(
    `- Full scan throughput vs gunzip + JSON.parse: ${f(t.wall)}× (wall), ${f(t.cpu)}× (CPU) — target ≥ 0.9×.`,
  );
  const scaling = Object.entries(v.scalingRatios)
    .map(([id, ratio]) => `${id.replace('detect-', '')}: ${f(ratio)}`)
    .join(', ');
  if (scaling)
    out.push(`- Engine scaling, time ratio vs baseline (CPU) by detector count: ${scaling}.`);
  if (v.largeFilePeakRssMiB !== undefined) {
    out.push(
      `- Peak RSS scanning the large file: ${f(v.largeFilePeakRssMiB, 0)} MiB — target ≤ 256 MiB.`,
    );
  }
  if (v.parallelSpeedup !== undefined) {
    out.push(`- \`--jobs\` speed-up over one worker (wall): ${f(v.parallelSpeedup)}×.`);
  }
  if (v.identicalAlerts !== undefined) {
    out.push(
      `- Alerts identical, fast vs exhaustive path (scan-lib, scan-exhaustive) and across the CLI runs (${Object.keys(
        v.alertDigests,
      )
        .filter((id) => id !== 'scan-lib' && id !== 'scan-exhaustive')
        .join(', ')}): ${v.identicalAlerts ? 'yes' : 'NO'}.`,
    );
  }
  out.push('');
  return out.join('\n');
}

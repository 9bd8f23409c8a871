import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AlertAggregator } from '../alerting/aggregator.js';
import type { Alert } from '../alerting/alert.js';
import { applyDetectorOverrides } from '../alerting/config/overrides.js';
import { compileSuppressions, expiredSuppressions } from '../alerting/config/suppress.js';
import { SuppressingSink } from '../alerting/config/suppressing-sink.js';
import { withInvestigations } from '../alerting/investigate.js';
import { type PipelineHooks, runPipeline } from '../alerting/pipeline.js';
import { JsonPublisher } from '../alerting/publishers/json.js';
import { JsonLinesPublisher } from '../alerting/publishers/jsonl.js';
import type { AlertPublisher } from '../alerting/publishers/publisher.js';
import { tableTargetFor } from '../alerting/publishers/table/table-target.js';
import { TablePublisher } from '../alerting/publishers/table.js';
import { displayLine } from '../alerting/sanitize.js';
import { TamperedRecords } from '../alerting/tampered-records.js';
import {
  ACCESS_LOG_FINDING_DETECTORS,
  accessLogEngineFor,
} from '../detectors/access-log/for-config.js';
import { DetectorEngine } from '../detectors/engine.js';
import { lazyReaderFor } from '../detectors/record-filter.js';
import { SEVERITY_RANK, type Severity } from '../detectors/types.js';
import type { IngestError } from '../ingest/errors.js';
import type { IngestOptions } from '../ingest/options.js';
import { awsIpRangesForScan, awsIpRangesLine } from './aws-ip-ranges/for-scan.js';
import { ClosedPipeError, isClosedPipe } from './closed-pipe.js';
import { detectorsForCli } from './commands/detectors.js';
import { failOnGate } from './fail-on.js';
import { type CliIo, EXIT, UsageError } from './io.js';
import { loadConfig } from './load-config.js';
import { noRecordsReason } from './no-records.js';
import { checkOutFile } from './out-file.js';
import { runParallelScan } from './parallel-scan.js';
import { ProgressLine } from './progress.js';
import { listScanInputs, readScanInputs, STDIN_PATH } from './scan-inputs.js';
import { errorLines, MAX_LISTED_ERRORS, scanSummary } from './summary.js';
import {
  expiredWarnings,
  MAX_LISTED_SUPPRESSED,
  suppressedLine,
  suppressionSummary,
} from './suppressed-report.js';

export const SCAN_FORMATS = ['table', 'json', 'jsonl'] as const;

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly format: (typeof SCAN_FORMATS)[number];
  readonly minSeverity: Severity;
  readonly failOn: Severity | undefined;
  readonly out: string | undefined;
  /** YAML or JSON config: settings, detector overrides, suppressions. */
  readonly config: string | undefined;
  readonly progress: boolean;
  /** List suppressed findings on stderr (the summary always counts them per rule). */
  readonly showSuppressed?: boolean;
  /** Worker threads scanning files (`--jobs`); 1 or absent scans in this thread. */
  readonly jobs?: number;
  /** A folder of user-written detectors run beside the built-in ones (`--detectors`). */
  readonly detectors?: string | undefined;
  /** Parse and validate every record, not only those a detector could match (`--exhaustive`). */
  readonly exhaustive?: boolean;
  /** AWS's ip-ranges.json (`--aws-ip-ranges`); else the config's, else the cached copy. */
  readonly awsIpRanges?: string | undefined;
}

/**
 * Records no detector can match are left unparsed unless `--exhaustive`: the
 * alerts are the same, the scan is several times cheaper on a busy account.
 */
function ingestOptions(engine: DetectorEngine, options: ScanOptions): IngestOptions {
  return options.exhaustive ? { exhaustive: true } : { lazy: lazyReaderFor(engine) };
}

function publisherFor(
  format: ScanOptions['format'],
  out: Writable,
  terminal: { isTTY?: boolean; columns?: number } = {},
): AlertPublisher {
  if (format === 'json') return new JsonPublisher(out);
  if (format === 'jsonl') return new JsonLinesPublisher(out);
  // Fitted to the terminal; wide (nothing cut) into a pipe or a file.
  return new TablePublisher({ out, ...tableTargetFor(terminal) });
}

/**
 * The scan: list inputs (bad paths are usage errors), stream every object
 * through the shared pipeline, print alerts, then the summary and input errors
 * on stderr. Unreadable objects make the exit code 2 once the rest is scanned.
 */
export async function runScan(options: ScanOptions, io: CliIo): Promise<{ exitCode: number }> {
  const started = performance.now();
  if (options.out !== undefined) await checkOutFile(options.out);
  // User detectors first, so the config may tune them too.
  const catalog = await detectorsForCli(options.detectors);
  const config = await loadConfig(options.config, [...catalog, ...ACCESS_LOG_FINDING_DETECTORS]);
  const awsRanges = await awsIpRangesForScan(options.awsIpRanges, config.awsIpRangesFile);
  // One instant for the whole scan: a suppression never expires half-way through it.
  const now = Date.now();
  io.stderr.write(expiredWarnings(expiredSuppressions(config.suppressions, now)));
  const inputs = await listScanInputs(options.paths);
  for (const folder of inputs.emptyFolders) {
    io.stderr.write(
      `warning: ${folder}: no log files in this folder; the other paths are scanned\n`,
    );
  }
  if (inputs.stdin && io.stdin?.isTTY) {
    io.stderr.write(
      'trailwatch: reading CloudTrail records from standard input (end with Ctrl-D)\n',
    );
  }
  const { files } = inputs;

  const engine = new DetectorEngine(applyDetectorOverrides(catalog, config.detectors), {
    settings: awsRanges ? { ...config.settings, awsIpRanges: awsRanges.ranges } : config.settings,
  });
  const listed: string[] = [];
  const sink = new SuppressingSink(
    new AlertAggregator(),
    compileSuppressions(config.suppressions),
    {
      clock: () => now,
      ...(options.showSuppressed
        ? {
            onSuppressed(finding, rule) {
              if (listed.length < MAX_LISTED_SUPPRESSED) listed.push(suppressedLine(finding, rule));
            },
          }
        : {}),
    },
  );
  const progress = new ProgressLine(
    io.stderr,
    files.length + (inputs.stdin ? 1 : 0),
    options.progress && Boolean(io.stderr.isTTY),
  );
  const errors: IngestError[] = [];
  const tampered = new Map<string, TamperedRecords>();
  let unreadable = 0;
  // Files with an ingest error: one entry per file at most, so bounded by the file list.
  const damaged = new Set<string>();
  const hooks: PipelineHooks = {
    onIngestError(error) {
      damaged.add(error.source.object);
      noteTampered(tampered, error);
      if (error.code === 'unreadable') unreadable += 1;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
    },
    onDetectorError(error) {
      io.stderr.write(`warning: ${error.message}\n`);
    },
    onObjectDone: (stats) => progress.update(stats),
  };
  const jobs = options.jobs ?? 1;
  // Same files, same order, same sink: --jobs changes the speed, not the alerts.
  const result =
    // Workers read files; standard input exists only in this thread.
    jobs > 1 && files.length > 1 && !inputs.stdin
      ? await runParallelScan(
          {
            files,
            jobs,
            config: options.config,
            awsIpRangesFile: awsRanges?.file,
            userDetectors: options.detectors,
            ingest: { exhaustive: options.exhaustive === true },
          },
          engine.detectors,
          sink,
          hooks,
        )
      : await runPipeline(
          readScanInputs(inputs, io.stdin, ingestOptions(engine, options)),
          engine,
          sink,
          hooks,
          {
            accessLogs: accessLogEngineFor(config.detectors, config.settings),
          },
        );
  progress.finish();

  // Investigate commands name the scanned paths, so they run as printed from here.
  // Records altered after delivery are the pipeline's own alert, as on the S3 path:
  // never suppressed, no investigation commands (no value of such a record is trusted).
  const ownAlerts = [...tampered.values()].flatMap((t) => t.alert({ now: () => now }) ?? []);
  const atLeast = (a: Alert) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[options.minSeverity];
  const filePaths = options.paths.filter((p) => p !== STDIN_PATH);
  const shown = [
    ...ownAlerts.filter(atLeast),
    ...result.alerts.filter(atLeast).map((a) => investigable(a, filePaths, io)),
  ];
  const noRecords = noRecordsReason(
    result.input,
    damaged.size,
    options.paths.map((p) => (p === STDIN_PATH ? 'standard input' : p)),
  );
  // "no alerts" would read as a clean result when nothing was read at all.
  await writeAlerts(shown, options, io, noRecords === undefined);

  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(errorLines(errors, result.input.ingestErrors));
  if (options.showSuppressed && listed.length > 0) {
    const more = sink.suppressedTotal - listed.length;
    io.stderr.write(`${listed.join('\n')}\n${more > 0 ? `... and ${more} more suppressed\n` : ''}`);
  }
  io.stderr.write(scanSummary(result, shown.length, seconds));
  io.stderr.write(awsIpRangesLine(awsRanges));
  io.stderr.write(suppressionSummary(config.suppressions, sink.suppressed));
  // The gate judges every alert, those --min-severity hides too.
  const gate = failOnGate([...ownAlerts, ...result.alerts], options.failOn, options.minSeverity);
  io.stderr.write(gate.line);
  if (noRecords !== undefined) io.stderr.write(`trailwatch: ${noRecords}\n`);

  if (unreadable > 0 || noRecords !== undefined) return { exitCode: EXIT.usage };
  return { exitCode: gate.tripped ? EXIT.alerts : EXIT.ok };
}

/**
 * The alert with its investigation commands. Building them reads attacker-written
 * values (times, names); should that ever throw, the alert is still printed, without
 * commands, rather than lost with every other alert of the scan.
 */
function investigable(alert: Alert, paths: readonly string[], io: CliIo): Alert {
  try {
    return withInvestigations(alert, { engine: 'duckdb', paths });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `warning: ${displayLine(`alert ${alert.id}: no investigation commands (${reason})`, 400)}\n`,
    );
    return alert;
  }
}

/** Files whose records repeat a JSON key: one alert each (see TamperedRecords). */
function noteTampered(tampered: Map<string, TamperedRecords>, error: IngestError): void {
  if (error.code !== 'duplicate-key') return;
  const object = error.source.object;
  let ledger = tampered.get(object);
  if (ledger === undefined) {
    ledger = new TamperedRecords(object);
    tampered.set(object, ledger);
  }
  ledger.note(error);
}

async function writeAlerts(
  alerts: readonly Alert[],
  options: ScanOptions,
  io: CliIo,
  sayNone: boolean,
): Promise<void> {
  if (options.out === undefined) {
    const publisher = publisherFor(options.format, io.stdout, io.stdout);
    const outcome = await publisher.publish(alerts);
    const failure = outcome.failed[0];
    // The reader went away (`| head`): stop without a word, as Unix tools do.
    if (failure !== undefined && isClosedPipe(failure.error)) {
      throw new ClosedPipeError('standard output was closed', { cause: failure.error });
    }
    if (failure !== undefined) throw new UsageError(`cannot write alerts: ${failure.reason}`);
    if (alerts.length === 0 && options.format === 'table' && sayNone) {
      io.stdout.write('no alerts\n');
    }
    return;
  }
  const file = createWriteStream(options.out);
  const opened = new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new UsageError(
      `${options.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const outcome = await publisherFor(options.format, file).publish(alerts);
  file.end();
  await finished(file);
  if (outcome.failed.length > 0) {
    throw new UsageError(`${options.out}: cannot write alerts (${outcome.failed[0]?.reason})`);
  }
}

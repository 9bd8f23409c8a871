import { Command } from 'commander';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { applyDetectorOverrides } from '../../alerting/config/overrides.js';
import { compileSuppressions } from '../../alerting/config/suppress.js';
import { SuppressingSink } from '../../alerting/config/suppressing-sink.js';
import { JsonPublisher } from '../../alerting/publishers/json.js';
import { JsonLinesPublisher } from '../../alerting/publishers/jsonl.js';
import type { AlertPublisher } from '../../alerting/publishers/publisher.js';
import { tableTargetFor } from '../../alerting/publishers/table/table-target.js';
import { TablePublisher } from '../../alerting/publishers/table.js';
import { displayLine } from '../../alerting/sanitize.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { findingDetector } from '../../detectors/helpers/source-detector.js';
import { judgeLambdaSeries, spikeFindings } from '../../detectors/metrics/evaluate.js';
import {
  lambdaInvocationSpike,
  type MetricDetector,
} from '../../detectors/metrics/lambda-invocation-spike.js';
import { SEVERITY_RANK, type Severity } from '../../detectors/types.js';
import { MetricsFileError } from '../../ingest/metrics/errors.js';
import { readMetricsFile } from '../../ingest/metrics/read-file.js';
import { ClosedPipeError, isClosedPipe } from '../closed-pipe.js';
import { failOnGate } from '../fail-on.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { loadConfig } from '../load-config.js';
import { parseChoice, parseSeverity } from '../options.js';
import { relativeTime, TIME_FORMS } from '../time-arg.js';

export const METRICS_SCAN_FORMATS = ['table', 'json', 'jsonl'] as const;

export interface MetricsScanOptions {
  readonly file: string;
  readonly format: (typeof METRICS_SCAN_FORMATS)[number];
  readonly minSeverity: Severity;
  readonly failOn: Severity | undefined;
  /** Config file: settings.lambdaSpikes, detector overrides, suppressions. */
  readonly config: string | undefined;
  /** Period of the series in seconds, when their timestamps cannot tell. */
  readonly periodSeconds: number | undefined;
  /** Account and region the metrics came from: function ARNs and console links. */
  readonly account: string | undefined;
  readonly region: string | undefined;
  /** Only periods starting in `[since, until)` are judged (epoch ms). */
  readonly since: number | undefined;
  readonly until: number | undefined;
}

/** Lines of warnings and not-judged functions listed on stderr; the rest are counted. */
const MAX_LISTED = 20;

/**
 * The offline face of the scheduled invocation-spike detector: the same model
 * over series from a file in GetMetricData's shape (JSON) or as CSV, so it can be
 * tested and tuned without AWS. Alerts on stdout, the summary on stderr.
 */
export async function runMetricsScan(
  options: MetricsScanOptions,
  io: CliIo,
): Promise<{ exitCode: number }> {
  const facade = findingDetector(lambdaInvocationSpike);
  const config = await loadConfig(options.config, [...BUILTIN_DETECTORS, facade]);
  const [tuned] = applyDetectorOverrides([facade], config.detectors);
  let read: Awaited<ReturnType<typeof readMetricsFile>>;
  try {
    read = await readMetricsFile(options.file);
  } catch (error) {
    if (error instanceof MetricsFileError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const judged = tuned
    ? judgeLambdaSeries(read.series, {
        settings: config.settings,
        ...(options.periodSeconds ? { periodSeconds: options.periodSeconds } : {}),
        range: {
          ...(options.since === undefined ? {} : { from: options.since }),
          ...(options.until === undefined ? {} : { to: options.until }),
        },
      })
    : { spikes: [], judged: [], skipped: [] };
  const detector: MetricDetector | undefined = tuned && {
    ...lambdaInvocationSpike,
    severity: tuned.severity,
    dedupWindowSeconds: tuned.dedupWindowSeconds,
  };
  const forced =
    tuned && tuned.severity !== lambdaInvocationSpike.severity ? tuned.severity : undefined;
  const findings = spikeFindings(
    judged.spikes,
    read.series,
    {
      ...(options.account ? { account: options.account } : {}),
      ...(options.region ? { region: options.region } : {}),
    },
    { ...(detector ? { detector } : {}), ...(forced ? { forcedSeverity: forced } : {}) },
  );
  const now = Date.now();
  const sink = new SuppressingSink(
    new AlertAggregator(),
    compileSuppressions(config.suppressions),
    {
      clock: () => now,
    },
  );
  for (const finding of findings) await sink.add(finding);
  const { alerts } = await sink.flush();
  const shown = alerts.filter(
    (a) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[options.minSeverity],
  );
  const outcome = await publisherFor(options.format, io).publish(shown);
  const failure = outcome.failed[0];
  if (failure !== undefined && isClosedPipe(failure.error)) {
    throw new ClosedPipeError('standard output was closed', { cause: failure.error });
  }
  if (failure !== undefined) throw new UsageError(`cannot write alerts: ${failure.reason}`);
  if (shown.length === 0 && options.format === 'table') io.stdout.write('no alerts\n');

  const notes = [
    ...read.warnings.map((w) => `warning: ${w}`),
    ...judged.skipped.map((s) => `not judged: ${s.functionName}: ${s.reason}`),
  ];
  const listed = notes.slice(0, MAX_LISTED).map((n) => displayLine(n, 400));
  if (notes.length > MAX_LISTED) listed.push(`... and ${notes.length - MAX_LISTED} more`);
  const functions = new Set(read.series.map((s) => s.functionName)).size;
  listed.push(
    `read ${read.series.length} series (${functions} functions) from ${displayLine(options.file, 200)}; judged ${judged.judged.length} functions; ${findings.length} spike periods; ${alerts.length} alerts (${shown.length} shown; ${sink.suppressedTotal} findings suppressed)`,
  );
  // The gate judges every alert, those --min-severity hides too.
  const gate = failOnGate(alerts, options.failOn, options.minSeverity);
  io.stderr.write(`${listed.join('\n')}\n${gate.line}`);
  return { exitCode: gate.tripped ? EXIT.alerts : EXIT.ok };
}

function publisherFor(format: MetricsScanOptions['format'], io: CliIo): AlertPublisher {
  if (format === 'json') return new JsonPublisher(io.stdout);
  if (format === 'jsonl') return new JsonLinesPublisher(io.stdout);
  return new TablePublisher({ out: io.stdout, ...tableTargetFor(io.stdout) });
}

interface RawOptions {
  format: string;
  minSeverity: string;
  failOn?: string;
  config?: string;
  period?: string;
  account?: string;
  region?: string;
  since?: string;
  until?: string;
}

/** `trailwatch metrics-scan <file>`: options in, {@link runMetricsScan} does the work. */
export function metricsScanCommand(io: CliIo, result: { exitCode: number }): Command {
  return new Command('metrics-scan')
    .description(
      'Run the Lambda invocation-spike model over metric series from a file (GetMetricData JSON or CSV)',
    )
    .argument('<file>', 'GetMetricData response(s) as JSON, or CSV with Label,Timestamp,Value')
    .option('-f, --format <format>', `output format: ${METRICS_SCAN_FORMATS.join(', ')}`, 'table')
    .option('--min-severity <severity>', 'hide alerts below this severity', 'low')
    .option(
      '--fail-on <severity>',
      'exit 1 if an alert at or above this severity is found (shown or hidden by --min-severity)',
    )
    .option(
      '-c, --config <file>',
      'config file: settings.lambdaSpikes (defaults and per-function overrides), suppressions',
    )
    .option('--period <seconds>', 'period of the series, when the timestamps cannot tell')
    .option('--account <id>', 'account the metrics came from (function ARNs in alerts)')
    .option('--region <region>', 'region the metrics came from (ARNs and console links)')
    .option(
      '--since <time>',
      'judge only periods starting at or after this time: ISO-8601, or 24h, 7d, ... ago',
    )
    .option('--until <time>', 'judge only periods starting before this time (as --since, or now)')
    .addHelpText(
      'after',
      `
Each series' Label names the function as the scheduled detector labels its own
queries: "<function> <Metric>" (e.g. "billing-export Invocations"); a bare function
name is read as its Invocations. Errors, Throttles and ConcurrentExecutions series,
when present, are shown beside a spike. Series whose StatusCode is not Complete are
not judged. Get a file with, for example:

  aws cloudwatch get-metric-data --start-time 2024-05-01T00:00:00Z \\
    --end-time 2024-05-15T00:00:00Z --scan-by TimestampAscending \\
    --metric-data-queries '[{"Id":"m0","Label":"billing-export Invocations",
      "MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"Invocations",
      "Dimensions":[{"Name":"FunctionName","Value":"billing-export"}]},
      "Period":300,"Stat":"Sum"}}]' > metrics.json

Exit codes: 0 no alert at or above --fail-on; 1 there was one; 2 bad usage or file.

Examples:
  trailwatch metrics-scan metrics.json --region eu-west-1
  trailwatch metrics-scan metrics.csv --period 60 --config trailwatch.yaml --format jsonl
  trailwatch metrics-scan metrics.json --since 7d --min-severity high --fail-on medium
`,
    )
    .action(async (file: string, raw: RawOptions) => {
      const options: MetricsScanOptions = {
        file,
        format: parseChoice('--format', raw.format, METRICS_SCAN_FORMATS),
        minSeverity: parseSeverity('--min-severity', raw.minSeverity),
        failOn: raw.failOn === undefined ? undefined : parseSeverity('--fail-on', raw.failOn),
        config: raw.config,
        periodSeconds: raw.period === undefined ? undefined : parsePeriod(raw.period),
        account:
          raw.account === undefined
            ? undefined
            : parsePattern('--account', raw.account, ACCOUNT, 'a 12-digit account id'),
        region:
          raw.region === undefined
            ? undefined
            : parsePattern('--region', raw.region, REGION, 'a region like eu-west-1'),
        since: raw.since === undefined ? undefined : parseTime('--since', raw.since),
        until: raw.until === undefined ? undefined : parseTime('--until', raw.until),
      };
      const outcome = await runMetricsScan(options, io);
      result.exitCode = outcome.exitCode;
    });
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

function parsePeriod(value: string): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 60 && n % 60 === 0 && n <= 86_400) return n;
  throw new UsageError(
    `--period must be a whole number of minutes in seconds (60, 300, ...), got "${value}"`,
  );
}

function parsePattern(flag: string, value: string, pattern: RegExp, what: string): string {
  if (pattern.test(value)) return value;
  throw new UsageError(`${flag} must be ${what} (got "${value.slice(0, 100)}")`);
}

function parseTime(flag: string, value: string): number {
  const relative = relativeTime(value, Date.now());
  if (relative !== undefined) return relative;
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isFinite(time)) return time;
  throw new UsageError(`${flag} must be ${TIME_FORMS} (got "${value.slice(0, 100)}")`);
}

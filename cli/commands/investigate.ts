import type { AthenaClient } from '@aws-sdk/client-athena';
import { Command } from 'commander';
import { displayLine } from '../../alerting/sanitize.js';
import { TEXT_SAFETY } from '../../alerting/text-safety.js';
import { describeLoad } from '../../runbooks/duckdb/load-summary.js';
import type { LocalTable } from '../../runbooks/engines/duckdb-runner.js';
import type { QueryRunner } from '../../runbooks/engines/types.js';
import {
  LocalLogsError,
  ParamError,
  QueryCancelledError,
  UnknownRunbookError,
} from '../../runbooks/errors.js';
import { OUTPUT_FORMATS } from '../../runbooks/output/format-result.js';
import { type InvestigationPlan, planInvestigation } from '../../runbooks/plan.js';
import { renderInvestigation, runInvestigation } from '../../runbooks/run-investigation.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { parseChoice } from '../options.js';
import { isoInstant, TIME_FORMS, windowTime } from '../time-arg.js';

const ENGINES = ['duckdb', 'athena'] as const;
/** Exit code after Ctrl-C, as shells report a SIGINT. */
const EXIT_INTERRUPTED = 130;

interface RawOptions {
  query: string[];
  param: string[];
  engine: string;
  logs?: string[];
  format: string;
  workgroup?: string;
  database?: string;
  catalog?: string;
  outputLocation?: string;
  region?: string;
  timeout: string;
  since?: string;
  until?: string;
}

/** What tests replace: the environment, the Athena client, the cancel signal. */
export interface InvestigateDeps {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly athenaClient?: (region: string | undefined) => AthenaClient;
  /** When given, used instead of a Ctrl-C handler. */
  readonly signal?: AbortSignal;
  /** The clock relative times (`--since 24h`) count back from. Default `Date.now`. */
  readonly now?: () => number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `trailwatch investigate <runbook>`: a runbook's queries on local logs (DuckDB) or Athena. */
export function investigateCommand(
  io: CliIo,
  result: { exitCode: number },
  deps: InvestigateDeps = {},
): Command {
  const env = deps.env ?? process.env;
  return new Command('investigate')
    .description("Run a runbook's investigation queries on local logs (DuckDB) or on Athena")
    .argument('<runbook>', 'runbook id (trailwatch runbook lists them)')
    .option(
      '-q, --query <id>',
      'run only this query (repeatable); default: every query the params allow',
      collect,
      [],
    )
    .option(
      '-p, --param <key=value>',
      'a parameter: start, end, principal, accessKeyId, sourceIp, bucket, functionName, account, region (repeatable)',
      collect,
      [],
    )
    .option(
      '--since <time>',
      'window start: 24h, 7d, 90m ago, or an ISO-8601 time (= --param start)',
    )
    .option('--until <time>', 'window end: as --since, or now (= --param end; default: now)')
    .option('-e, --engine <engine>', `query engine: ${ENGINES.join(', ')}`, 'duckdb')
    .option(
      '-l, --logs <paths...>',
      'DuckDB: CloudTrail and S3 access-log files or folders (walked recursively)',
    )
    .option('-f, --format <format>', `output format: ${OUTPUT_FORMATS.join(', ')}`, 'table')
    .option(
      '--workgroup <name>',
      'Athena workgroup (env TRAILWATCH_ATHENA_WORKGROUP, default primary)',
    )
    .option(
      '--database <name>',
      'Athena database holding cloudtrail_logs (env TRAILWATCH_ATHENA_DATABASE)',
    )
    .option('--catalog <name>', 'Athena data catalog (env TRAILWATCH_ATHENA_CATALOG)')
    .option(
      '--output-location <s3uri>',
      'Athena results location, s3://... (env TRAILWATCH_ATHENA_OUTPUT_LOCATION)',
    )
    .option('--region <region>', 'AWS region for Athena (default: the SDK configuration)')
    .option('--timeout <seconds>', 'Athena: stop a query running longer than this', '600')
    .addHelpText(
      'after',
      `
The window's start is required: --since (or --param start=), and its end defaults to now
(--until or --param end= sets it). A time is an ISO-8601 instant (UTC "Z" or an offset,
or a date), now, or an amount of time before now: 90m, 24h, 7d, 2w (units s m h d w).
At most 90 days. Queries whose other parameters are not given are skipped (and listed
on stderr).

DuckDB (default) reads local files: CloudTrail .json/.json.gz in the S3 layout that
trailwatch scan reads (account and organization trails; digest and Insights files are
passed over) and S3 server access-log files. Only files dated inside the window are read.

Athena runs the same SQL on the table created by runbooks/sql/ddl/athena/*.sql.
Ctrl-C stops the running Athena query.

Exit codes: 0 ok; 2 bad usage or input, or a query failed (the message says why);
130 interrupted.

Examples:
  trailwatch investigate credential-compromise --since 24h \\
    --param accessKeyId=AKIAIOSFODNN7EXAMPLE --logs ./logs
  trailwatch investigate credential-compromise --param start=2026-11-20T00:00:00Z \\
    --param end=2026-11-21T00:00:00Z --param accessKeyId=AKIAIOSFODNN7EXAMPLE --logs examples/
  trailwatch investigate s3-public-exposure --query bucket-config-changes \\
    --param bucket=amzn-s3-demo-bucket --param start=2026-11-20 --param end=2026-11-21 \\
    --engine athena --database security --format json
`,
    )
    .action(async (runbookId: string, raw: RawOptions) => {
      const engine = parseChoice('--engine', raw.engine, ENGINES);
      const format = parseChoice('--format', raw.format, OUTPUT_FORMATS);
      const params = withWindow(parseParams(raw.param), raw, deps.now?.() ?? Date.now());
      const plan = usage(() => planInvestigation(runbookId, params, raw.query));
      for (const s of plan.skipped) {
        io.stderr.write(
          `trailwatch: skipped ${s.query.id}: needs ${s.missing.map((m) => `--param ${m}=...`).join(' ')}\n`,
        );
      }
      if (engine === 'athena' && raw.logs !== undefined) {
        io.stderr.write('trailwatch: --logs is for --engine duckdb; Athena reads its table\n');
      }
      const signal = deps.signal ? { signal: deps.signal, dispose: () => {} } : interruptSignal();
      let runner: QueryRunner | undefined;
      try {
        runner =
          engine === 'athena'
            ? await athenaRunner(raw, env, deps)
            : await duckdbRunner(plan, raw.logs ?? [], io);
        const output = await runInvestigation(plan, runner, signal.signal);
        io.stdout.write(renderInvestigation(plan, output, format, TEXT_SAFETY));
        // Engine messages can quote file contents: shown like every other attacker-reachable text.
        for (const f of output.failures)
          io.stderr.write(`trailwatch: ${displayLine(f.message, 2000)}\n`);
        result.exitCode = output.failures.length > 0 ? EXIT.usage : EXIT.ok;
      } catch (error) {
        if (error instanceof QueryCancelledError || signal.signal.aborted) {
          io.stderr.write('trailwatch: interrupted; running queries were stopped\n');
          result.exitCode = EXIT_INTERRUPTED;
          return;
        }
        throw error;
      } finally {
        signal.dispose();
        await runner?.close();
      }
    });
}

/** `key=value` pairs; a key given twice is a mistake worth reporting. */
function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes key=value (got "${pair}")`);
    const key = pair.slice(0, eq);
    if (Object.hasOwn(params, key)) throw new UsageError(`--param ${key} is given twice`);
    params[key] = pair.slice(eq + 1);
  }
  return params;
}

/**
 * The window from `--since`/`--until` or `--param start/end` (one of each at most),
 * relative forms turned into instants, the end defaulting to now.
 */
function withWindow(
  params: Readonly<Record<string, string>>,
  raw: Pick<RawOptions, 'since' | 'until'>,
  now: number,
): Record<string, string> {
  const out = { ...params };
  const bounds = [
    ['start', '--since', raw.since],
    ['end', '--until', raw.until],
  ] as const;
  for (const [key, flag, value] of bounds) {
    if (value !== undefined && Object.hasOwn(out, key)) {
      throw new UsageError(`${flag} and --param ${key} both set the window ${key}: give one`);
    }
    const given = value ?? out[key];
    if (given !== undefined) {
      out[key] = windowTime(value === undefined ? `--param ${key}` : flag, given, now);
    }
  }
  if (out.start === undefined) {
    throw new UsageError(
      `the window start is required: --since <time> (or --param start=<time>), where a time is ${TIME_FORMS}`,
    );
  }
  out.end ??= isoInstant(now);
  return out;
}

/** Runs `make`, turning input errors into usage errors (exit 2 with the message). */
function usage<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (
      error instanceof ParamError ||
      error instanceof UnknownRunbookError ||
      error instanceof LocalLogsError
    ) {
      throw new UsageError(error.message, { cause: error });
    }
    throw error;
  }
}

/** Aborts on the first Ctrl-C; the handler is removed when the command ends. */
function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted (SIGINT)'));
  process.once('SIGINT', onInterrupt);
  return {
    signal: controller.signal,
    dispose: () => process.removeListener('SIGINT', onInterrupt),
  };
}

async function duckdbRunner(plan: InvestigationPlan, paths: readonly string[], io: CliIo) {
  if (paths.length === 0) {
    throw new UsageError('--engine duckdb needs the log files: --logs <path...>');
  }
  // Loaded on demand: the native DuckDB binding is needed only for local investigations.
  const { DuckDbRunner } = await import('../../runbooks/engines/duckdb-runner.js');
  const { cloudTrailColumnsUsed } = await import('../../runbooks/duckdb/cloudtrail-columns.js');
  const tables = new Set(plan.queries.flatMap((q) => q.tables) as LocalTable[]);
  const runner = await DuckDbRunner.open({
    paths,
    days: plan.window,
    tables,
    columns: cloudTrailColumnsUsed(plan.queries.map((q) => q.query.sql)),
  });
  const { load } = runner;
  const unreadable = load.skipped.filter((s) => s.reason === 'unreadable');
  if (unreadable.length > 0) {
    await runner.close();
    const first = unreadable[0];
    throw new UsageError(`cannot read ${first?.path}: ${first?.detail ?? 'unreadable'}`);
  }
  if (load.found.cloudTrail + load.found.accessLogs === 0) {
    await runner.close();
    const outside = load.skipped.filter((s) => s.reason === 'outside-window').length;
    const hint =
      outside > 0
        ? ` (${outside} files are dated outside ${plan.window.dayFrom}..${plan.window.dayTo})`
        : '';
    throw new UsageError(
      `no CloudTrail or S3 access-log files to read under ${paths.join(', ')}${hint}`,
    );
  }
  for (const line of describeLoad(load)) io.stderr.write(`trailwatch: ${line}\n`);
  if (tables.has('s3_access_logs') && load.accessLogFiles === 0) {
    io.stderr.write(
      'trailwatch: no S3 access-log files found: access-log queries return no rows\n',
    );
  }
  return runner;
}

async function athenaRunner(
  raw: RawOptions,
  env: Readonly<Record<string, string | undefined>>,
  deps: InvestigateDeps,
) {
  const database = raw.database ?? env.TRAILWATCH_ATHENA_DATABASE;
  if (!database) {
    throw new UsageError(
      'Athena needs the database holding cloudtrail_logs: --database or TRAILWATCH_ATHENA_DATABASE',
    );
  }
  const outputLocation = raw.outputLocation ?? env.TRAILWATCH_ATHENA_OUTPUT_LOCATION;
  if (outputLocation !== undefined && !outputLocation.startsWith('s3://')) {
    throw new UsageError(`--output-location must be an s3:// URI (got "${outputLocation}")`);
  }
  const timeout = Number(raw.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds (got "${raw.timeout}")`);
  }
  const { AthenaRunner } = await import('../../runbooks/engines/athena-runner.js');
  const client = deps.athenaClient?.(raw.region) ?? (await defaultAthenaClient(raw.region));
  return new AthenaRunner({
    client,
    workGroup: raw.workgroup ?? env.TRAILWATCH_ATHENA_WORKGROUP ?? 'primary',
    database,
    catalog: raw.catalog ?? env.TRAILWATCH_ATHENA_CATALOG,
    outputLocation,
    timeoutMs: timeout * 1000,
  });
}

/** Loaded on demand so other commands do not pay for the Athena client at start-up. */
async function defaultAthenaClient(region: string | undefined): Promise<AthenaClient> {
  const { AthenaClient } = await import('@aws-sdk/client-athena');
  return new AthenaClient(region ? { region } : {});
}

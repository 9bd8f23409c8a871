import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { CREATE_ACCESS_LOG_TABLE, insertAccessLogsSql } from '../duckdb/access-log-table.js';
import { CREATE_CLOUDTRAIL_TABLE, insertCloudTrailSql } from '../duckdb/cloudtrail-table.js';
import {
  type CloudTrailFile,
  type DayRange,
  findLocalLogFiles,
  type SkippedFile,
} from '../duckdb/local-files.js';
import { DUCKDB_SHIM_SQL } from '../duckdb/shim.js';
import { screenCloudTrailFiles, type TamperedRecord } from '../duckdb/tampered-files.js';
import { QueryCancelledError, QueryExecutionError } from '../errors.js';
import type { PreparedQuery, QueryResult, QueryRunner } from './types.js';

/**
 * DuckDB engine: embedded, no setup, reads local log files. CLI only — never
 * imported by Lambda code (the native binding would not belong in a bundle).
 */

export type LocalTable = 'cloudtrail_logs' | 's3_access_logs';

export interface DuckDbRunnerOptions {
  /** Files or folders (S3 layout or not). */
  readonly paths: readonly string[];
  /** Only files whose layout date falls in these partition days are read. */
  readonly days?: DayRange;
  /** Tables the queries read; the others are created empty. */
  readonly tables?: ReadonlySet<LocalTable>;
  /** CloudTrail columns the queries use; the others are left NULL (faster loads). Default: all. */
  readonly columns?: ReadonlySet<string>;
}

/** A file DuckDB refused, with its reason (the other files are still read). */
export interface RejectedFile {
  readonly path: string;
  readonly reason: string;
}

export interface LoadReport {
  /** Log files found in the window, before keeping only the tables the queries read. */
  readonly found: { readonly cloudTrail: number; readonly accessLogs: number };
  readonly cloudTrailFiles: number;
  readonly accessLogFiles: number;
  readonly events: number;
  readonly accessLogRecords: number;
  readonly skipped: readonly SkippedFile[];
  readonly rejected: readonly RejectedFile[];
  /** Records left out because they repeat a JSON key, as `trailwatch scan` leaves them out. */
  readonly tampered: readonly TamperedRecord[];
  readonly elapsedMs: number;
}

/** How many times a failed load retries after dropping the file DuckDB named, before probing each file. */
const NAMED_FILE_RETRIES = 10;

export class DuckDbRunner implements QueryRunner {
  readonly engine = 'duckdb' as const;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** What was loaded, skipped and rejected: report it to the user. */
    readonly load: LoadReport,
  ) {}

  /** Opens an in-memory database, installs the shim and loads the local files. */
  static async open(options: DuckDbRunnerOptions): Promise<DuckDbRunner> {
    const started = performance.now();
    // No network: every extension we need (json, icu) is statically linked.
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      for (const statement of DUCKDB_SHIM_SQL) await connection.run(statement);
      await connection.run(CREATE_CLOUDTRAIL_TABLE);
      await connection.run(CREATE_ACCESS_LOG_TABLE);
      const files = await findLocalLogFiles(options.paths, options.days);
      const tables = options.tables ?? new Set<LocalTable>(['cloudtrail_logs', 's3_access_logs']);
      const rejected: RejectedFile[] = [];
      const cloudTrail = tables.has('cloudtrail_logs') ? files.cloudTrail : [];
      const accessLogs = tables.has('s3_access_logs') ? files.accessLogs : [];
      // The files are screened for altered records while DuckDB loads them; the rare
      // time some are found, the table is loaded again with those files' copies.
      const [screen, loaded] = await Promise.allSettled([
        screenCloudTrailFiles(cloudTrail),
        loadCloudTrail(connection, cloudTrail, options.columns, rejected),
      ]);
      if (screen.status === 'rejected') throw screen.reason;
      const { tampered, copies, dispose } = screen.value;
      try {
        if (loaded.status === 'rejected') throw loaded.reason;
        if (copies.size > 0) {
          await connection.run('DELETE FROM cloudtrail_logs');
          rejected.length = 0;
          const originals = new Map([...copies].map(([original, copy]) => [copy, original]));
          const substituted = cloudTrail.map((f) => {
            const copy = copies.get(f.path);
            return copy === undefined ? f : { path: copy, kind: 'records' as const };
          });
          await loadCloudTrail(connection, substituted, options.columns, rejected);
          for (const [i, r] of rejected.entries()) {
            rejected[i] = { ...r, path: originals.get(r.path) ?? r.path };
          }
        }
      } finally {
        await dispose();
      }
      await loadFiles(connection, accessLogs, insertAccessLogsSql, rejected);
      const load: LoadReport = {
        found: { cloudTrail: files.cloudTrail.length, accessLogs: files.accessLogs.length },
        cloudTrailFiles:
          cloudTrail.length -
          countIn(
            rejected,
            cloudTrail.map((f) => f.path),
          ),
        accessLogFiles: accessLogs.length - countIn(rejected, accessLogs),
        events: await count(connection, 'cloudtrail_logs'),
        accessLogRecords: await count(connection, 's3_access_logs'),
        skipped: files.skipped,
        rejected,
        tampered,
        elapsedMs: Math.round(performance.now() - started),
      };
      return new DuckDbRunner(instance, connection, load);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  async run(query: PreparedQuery, signal?: AbortSignal): Promise<QueryResult> {
    if (signal?.aborted) throw new QueryCancelledError(`query ${query.id} cancelled`, query.id);
    const started = performance.now();
    const onAbort = () => this.connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await this.connection.runAndReadAll(query.text, [...query.values]);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      return {
        columns: names.map((name, i) => ({ name, type: athenaTypeName(String(types[i])) })),
        rows: reader.getRowsJson().map((row) => row.map(asText)),
        stats: { engine: 'duckdb', elapsedMs: Math.round(performance.now() - started) },
      };
    } catch (error) {
      if (signal?.aborted) {
        throw new QueryCancelledError(`query ${query.id} cancelled`, query.id, { cause: error });
      }
      throw new QueryExecutionError(
        `query ${query.id} failed on DuckDB: ${firstLine(error)}`,
        query.id,
        { cause: error },
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Loads CloudTrail files, one read per kind: each kind wraps its records differently. */
async function loadCloudTrail(
  connection: DuckDBConnection,
  files: readonly CloudTrailFile[],
  columns: ReadonlySet<string> | undefined,
  rejected: RejectedFile[],
): Promise<void> {
  for (const kind of ['trail', 'records', 'eventbridge'] as const) {
    const ofKind = files.filter((f) => f.kind === kind).map((f) => f.path);
    const insert = (list: readonly string[]) => insertCloudTrailSql(list, kind, columns);
    await loadFiles(connection, ofKind, insert, rejected);
  }
}

/**
 * Inserts all files in one read. DuckDB fails the whole read on one bad file
 * (JSON parse errors cannot be skipped for non-NDJSON input), so on failure the
 * named file is dropped and the read retried; when DuckDB does not name it, each
 * file is loaded on its own. Every dropped file is reported, none silently.
 */
async function loadFiles(
  connection: DuckDBConnection,
  files: readonly string[],
  insertSql: (files: readonly string[]) => string,
  rejected: RejectedFile[],
): Promise<void> {
  const refused: RejectedFile[] = [];
  let remaining = [...files];
  let loaded = false;
  for (let attempt = 0; remaining.length > 0 && !loaded; attempt++) {
    try {
      await connection.run(insertSql(remaining));
      loaded = true;
    } catch (error) {
      const named = fileNamedIn(error, remaining);
      if (named === undefined || attempt >= NAMED_FILE_RETRIES) break;
      refused.push({ path: named, reason: firstLine(error) });
      remaining = remaining.filter((f) => f !== named);
    }
  }
  if (!loaded) {
    for (const file of remaining) {
      try {
        await connection.run(insertSql([file]));
      } catch (error) {
        refused.push({ path: file, reason: firstLine(error) });
      }
    }
  }
  // DuckDB's threads decide which bad file it names first: report them in file order.
  const order = new Map(files.map((f, i) => [f, i]));
  refused.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  rejected.push(...refused);
}

/** The file a DuckDB read error names (`... in file "<path>" ...`), if it is one of ours. */
function fileNamedIn(error: unknown, files: readonly string[]): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /in file "([^"]*)"/.exec(message);
  if (!match) return undefined;
  const named = match[1];
  return files.find((f) => f === named || f.replace(/[*?[]/g, (c) => `[${c}]`) === named);
}

async function count(connection: DuckDBConnection, table: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
  return Number(reader.getRowsJson()[0]?.[0] ?? 0);
}

function countIn(rejected: readonly RejectedFile[], files: readonly string[]): number {
  const set = new Set(files);
  return rejected.filter((r) => set.has(r.path)).length;
}

/**
 * DuckDB type names in Athena's spelling. count_if and sum give HUGEINT on DuckDB
 * and BIGINT on Athena; the values are the same, so the results should read alike.
 */
function athenaTypeName(duckdbType: string): string {
  const lower = duckdbType.toLowerCase();
  return lower === 'hugeint' ? 'bigint' : lower;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

import { getRunbook, RUNBOOK_LIST } from './catalog.js';
import { ParamError, UnknownRunbookError } from './errors.js';
import {
  type InputParam,
  normalizeParam,
  resolveWindow,
  type SqlParam,
  type Window,
} from './params.js';
import type { Query, Runbook } from './schema.js';
import { type CompiledSql, compileSql, positionalValues } from './sql/compile.js';
import { tablesRead } from './sql/tables.js';

/**
 * Turns `trailwatch investigate` input into queries ready for an engine: the
 * runbook and query ids checked, every parameter validated against its
 * allow-pattern, the window derived, each query compiled to positional `?`
 * markers with its values in order. Engine-independent and pure.
 */
export interface PlannedQuery {
  readonly query: Query;
  readonly compiled: CompiledSql;
  /** One value per `?` marker. */
  readonly values: readonly string[];
  /** Tables the query reads. */
  readonly tables: readonly string[];
}

export interface SkippedQuery {
  readonly query: Query;
  readonly missing: readonly string[];
}

export interface InvestigationPlan {
  readonly runbook: Runbook;
  readonly window: Window;
  readonly queries: readonly PlannedQuery[];
  /** Queries left out because a parameter they need was not given. */
  readonly skipped: readonly SkippedQuery[];
}

export function planInvestigation(
  runbookId: string,
  rawParams: Readonly<Record<string, string>>,
  queryIds: readonly string[] = [],
): InvestigationPlan {
  const runbook = getRunbook(runbookId);
  if (!runbook) {
    throw new UnknownRunbookError(
      `unknown runbook "${runbookId}"; runbooks: ${RUNBOOK_LIST.map((r) => r.id).join(', ')}`,
    );
  }
  const values: Partial<Record<InputParam, string>> = {};
  for (const [name, raw] of Object.entries(rawParams)) {
    values[name as InputParam] = normalizeParam(name, raw);
  }
  if (values.start === undefined || values.end === undefined) {
    throw new ParamError(
      'the time window is required: --param start=<ISO-8601> --param end=<ISO-8601>',
      values.start === undefined ? 'start' : 'end',
    );
  }
  const window = resolveWindow(values.start, values.end);
  const sqlValues: Partial<Record<SqlParam, string>> = { ...values, ...window };
  const selected = selectQueries(runbook, queryIds);
  const queries: PlannedQuery[] = [];
  const skipped: SkippedQuery[] = [];
  for (const query of selected) {
    const missing = query.params.filter((name) => values[name] === undefined);
    if (missing.length > 0) {
      if (queryIds.length > 0) {
        throw new ParamError(
          `query ${query.id} needs ${missing.map((m) => `--param ${m}=...`).join(' ')}`,
          missing[0] as string,
        );
      }
      skipped.push({ query, missing });
      continue;
    }
    const compiled = compileSql(query.sql);
    queries.push({
      query,
      compiled,
      values: positionalValues(compiled, sqlValues),
      tables: tablesRead(query.sql),
    });
  }
  if (queries.length === 0) {
    const needs = [...new Set(skipped.flatMap((s) => s.missing))].join(', ');
    throw new ParamError(`no query of ${runbook.id} can run: give at least one of ${needs}`, needs);
  }
  return { runbook, window, queries, skipped };
}

function selectQueries(runbook: Runbook, queryIds: readonly string[]): readonly Query[] {
  if (queryIds.length === 0) return runbook.queries;
  return queryIds.map((id) => {
    const query = runbook.queries.find((q) => q.id === id);
    if (!query) {
      throw new UnknownRunbookError(
        `runbook ${runbook.id} has no query "${id}"; queries: ${runbook.queries.map((q) => q.id).join(', ')}`,
      );
    }
    return query;
  });
}

import type { QueryRunner } from './engines/types.js';
import { QueryCancelledError, QueryExecutionError } from './errors.js';
import {
  formatCsv,
  formatJson,
  formatTable,
  type NamedResult,
  type OutputFormat,
  resultAsJson,
  type TextSafety,
} from './output/format-result.js';
import type { InvestigationPlan } from './plan.js';

/**
 * Runs a plan's queries one after the other on any engine. A query that fails is
 * reported and the others still run; a cancellation (Ctrl-C) stops the lot.
 */
export interface QueryFailure {
  readonly query: string;
  readonly message: string;
}

export interface InvestigationOutput {
  readonly results: readonly NamedResult[];
  readonly failures: readonly QueryFailure[];
}

export async function runInvestigation(
  plan: InvestigationPlan,
  runner: QueryRunner,
  signal?: AbortSignal,
): Promise<InvestigationOutput> {
  const results: NamedResult[] = [];
  const failures: QueryFailure[] = [];
  for (const planned of plan.queries) {
    const { query } = planned;
    try {
      const result = await runner.run(
        { id: query.id, text: planned.compiled.text, values: planned.values },
        signal,
      );
      results.push({ query: query.id, title: query.title, result });
    } catch (error) {
      if (error instanceof QueryCancelledError || signal?.aborted) throw error;
      if (!(error instanceof QueryExecutionError)) throw error;
      failures.push({ query: query.id, message: error.message });
    }
  }
  return { results, failures };
}

/**
 * The results in one output format (one document for JSON), every value made safe
 * by `safety` (alerting's `TEXT_SAFETY`: query results are attacker-controlled text).
 */
export function renderInvestigation(
  plan: InvestigationPlan,
  output: InvestigationOutput,
  format: OutputFormat,
  safety: TextSafety,
): string {
  if (format === 'json') {
    const document = {
      runbook: plan.runbook.id,
      window: { start: plan.window.start, end: plan.window.end },
      results: output.results.map(resultAsJson),
      skipped: plan.skipped.map((s) => ({ query: s.query.id, missing: s.missing })),
      failures: output.failures,
    };
    return formatJson(document, safety);
  }
  const several = output.results.length > 1;
  return output.results
    .map((named) => {
      const { rows, stats } = named.result;
      if (format === 'csv')
        return `${several ? `# ${named.query}\r\n` : ''}${formatCsv(named.result, safety)}`;
      const count = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
      const scanned =
        stats.scannedBytes !== undefined ? `, ${stats.scannedBytes} bytes scanned` : '';
      return `== ${named.query}: ${named.title} (${count}, ${stats.elapsedMs} ms${scanned}) ==\n${formatTable(named.result, safety)}`;
    })
    .join(format === 'csv' ? '\r\n' : '\n');
}

import { describe, expect, it } from 'vitest';
import { TEXT_SAFETY } from '../../alerting/text-safety.js';
import type { PreparedQuery, QueryResult, QueryRunner } from '../../runbooks/engines/types.js';
import { QueryCancelledError, QueryExecutionError } from '../../runbooks/errors.js';
import { planInvestigation } from '../../runbooks/plan.js';
import { renderInvestigation, runInvestigation } from '../../runbooks/run-investigation.js';

const plan = planInvestigation('kms-key-loss', {
  start: '2024-05-14T00:00:00Z',
  end: '2024-05-14T12:00:00Z',
  principal: 'arn:aws:iam::111122223333:user/alice',
});

function fakeRunner(
  behaviour: (q: PreparedQuery) => QueryResult,
): QueryRunner & { seen: string[] } {
  const seen: string[] = [];
  return {
    engine: 'duckdb',
    seen,
    run: async (q) => {
      seen.push(q.id);
      return behaviour(q);
    },
    close: async () => {},
  };
}

const ONE_ROW: QueryResult = {
  columns: [{ name: 'n', type: 'bigint' }],
  rows: [['1']],
  stats: { engine: 'duckdb', elapsedMs: 1 },
};

describe('runInvestigation', () => {
  it('keeps going after a failed query and reports it', async () => {
    const runner = fakeRunner((q) => {
      if (q.id === 'kms-key-use-failures') throw new QueryExecutionError('boom', q.id);
      return ONE_ROW;
    });

    const output = await runInvestigation(plan, runner);

    expect(runner.seen).toEqual(['kms-key-changes', 'kms-key-use-failures', 'principal-timeline']);
    expect(output.results.map((r) => r.query)).toEqual(['kms-key-changes', 'principal-timeline']);
    expect(output.failures).toEqual([{ query: 'kms-key-use-failures', message: 'boom' }]);
  });

  it('stops at a cancellation', async () => {
    const runner = fakeRunner((q) => {
      throw new QueryCancelledError('cancelled', q.id);
    });
    await expect(runInvestigation(plan, runner)).rejects.toThrow(QueryCancelledError);
    expect(runner.seen).toEqual(['kms-key-changes']);
  });

  it('renders tables with a heading per query, and CSV sections', async () => {
    const output = await runInvestigation(
      plan,
      fakeRunner(() => ONE_ROW),
    );
    const table = renderInvestigation(plan, output, 'table', TEXT_SAFETY);
    expect(table).toContain(
      '== kms-key-changes: KMS key state and policy changes (1 row, 1 ms) ==\nn\n-\n1\n',
    );
    expect(renderInvestigation(plan, output, 'csv', TEXT_SAFETY)).toContain(
      '# principal-timeline\r\nn\r\n1\r\n',
    );
  });
});

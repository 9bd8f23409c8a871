import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allQueries } from '../../runbooks/catalog.js';
import { DuckDbRunner } from '../../runbooks/engines/duckdb-runner.js';
import type { QueryResult } from '../../runbooks/engines/types.js';
import { normalizeParam, resolveWindow, type SqlParam } from '../../runbooks/params.js';
import { compileSql, inlineLiterals, positionalValues } from '../../runbooks/sql/compile.js';
import { FIXTURE_LOGS, paramsFor, WINDOW } from './fixture-params.js';

/**
 * Every runbook query runs on DuckDB over the fixture logs and must return its
 * golden rows (test/fixtures/runbooks/golden/<query>.json; update with `vitest -u` after
 * reviewing the diff). Each also runs with its values inlined as the SQL literals
 * Athena's ExecutionParameters become, and must return the same rows: the
 * encoding used on Athena is exercised on a real engine.
 */

let runner: DuckDbRunner;

beforeAll(async () => {
  runner = await DuckDbRunner.open({
    paths: [FIXTURE_LOGS],
    days: resolveWindow(WINDOW.start, WINDOW.end),
  });
});

afterAll(async () => {
  await runner.close();
});

function valuesFor(queryId: string): Partial<Record<SqlParam, string>> {
  const raw = paramsFor(queryId);
  const values: Partial<Record<SqlParam, string>> = {};
  for (const [name, value] of Object.entries(raw))
    values[name as SqlParam] = normalizeParam(name, value);
  return { ...values, ...resolveWindow(raw.start as string, raw.end as string) };
}

function golden(queryId: string, result: QueryResult): string {
  const { columns, rows } = result;
  return `${JSON.stringify({ query: queryId, params: paramsFor(queryId), columns, rows }, null, 2)}\n`;
}

describe('runbook queries on the fixture logs', () => {
  for (const query of allQueries()) {
    it(`returns the golden rows for ${query.id}`, async () => {
      const compiled = compileSql(query.sql);
      const values = positionalValues(compiled, valuesFor(query.id));

      const bound = await runner.run({ id: query.id, text: compiled.text, values });
      const inlined = await runner.run({
        id: query.id,
        text: inlineLiterals(compiled, values),
        values: [],
      });

      expect(bound.rows.length).toBeGreaterThan(0);
      expect(inlined.rows).toEqual(bound.rows);
      await expect(golden(query.id, bound)).toMatchFileSnapshot(
        `../fixtures/runbooks/golden/${query.id}.json`,
      );
    });
  }
});

import { describe, expect, it } from 'vitest';
import { runbookNamedQueries } from '../../infra/lib/runbook-queries.js';
import { allQueries, RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { compileSql } from '../../runbooks/sql/compile.js';
import { tablesRead } from '../../runbooks/sql/tables.js';
import { isWord, significant, type Token, tokenize } from '../../runbooks/sql/tokenize.js';
import { glueTables, type TableInputJson } from './glue-tables.js';
import { resourcesOf, synth } from './support.js';

/** Trino keywords the runbook queries use (anything else a bare word names a column). */
const KEYWORDS = new Set(
  (
    'select distinct from where and or not is null like between in group by having order asc ' +
    'desc limit as case when then else end true false join on left inner with union all interval'
  ).split(' '),
);

/** A column a query names, and what it compares that column with. */
interface ColumnUse {
  readonly name: string;
  /** `col = 'x'`, `col IN ('x', …)`, `col LIKE 'x'`: the column must be a string. */
  readonly comparedWithString: boolean;
  /** `sum(col)`, `sum(coalesce(col, 0))`: the column must be a number. */
  readonly summed: boolean;
}

/**
 * The columns a query names: bare words that are not keywords, functions (`word(`), struct
 * fields (`.word`), select aliases (`AS word`, also where reused) or tables; and quoted
 * identifiers (`"timestamp"`). A tokenizer, not a parser: enough for the runbook dialect
 * (runbooks/sql/lint.ts).
 */
function columnUses(sql: string): ColumnUse[] {
  const tokens = significant(tokenize(sql));
  const aliases = new Set(
    tokens.filter((_, i) => isWord(tokens[i - 1], 'AS')).map((t) => t.text.toLowerCase()),
  );
  const tables = new Set(tablesRead(sql));
  const summed = new Set<number>();
  tokens.forEach((token, i) => {
    if (!isWord(token, 'sum')) return;
    let j = i + 2;
    if (isWord(tokens[j], 'coalesce')) j += 2;
    summed.add(j);
  });
  const isString = (t: Token | undefined) => t?.kind === 'string';
  const uses: ColumnUse[] = [];
  tokens.forEach((token, i) => {
    const name =
      token.kind === 'quoted-identifier' ? token.text.slice(1, -1) : token.text.toLowerCase();
    if (token.kind !== 'word' && token.kind !== 'quoted-identifier') return;
    if (token.kind === 'word' && (KEYWORDS.has(name) || aliases.has(name) || tables.has(name)))
      return;
    if (tokens[i + 1]?.text === '(' || tokens[i - 1]?.text === '.') return;
    const op = tokens[i + 1]?.text.toUpperCase();
    const comparedWithString =
      (['=', '<>', '!=', 'LIKE'].includes(op ?? '') && isString(tokens[i + 2])) ||
      (op === 'IN' && tokens[i + 2]?.text === '(' && isString(tokens[i + 3]));
    uses.push({ name, comparedWithString, summed: summed.has(i) });
  });
  return uses;
}

const typeOf = (table: TableInputJson, column: string): string | undefined =>
  [...table.StorageDescriptor.Columns, ...table.PartitionKeys].find((c) => c.Name === column)?.Type;

/** Each column a query names that its tables lack, or whose type its use contradicts. */
function schemaProblems(
  queries: readonly { id: string; sql: string }[],
  tables: ReadonlyMap<string, TableInputJson>,
): string[] {
  const problems: string[] = [];
  for (const query of queries) {
    const read = tablesRead(query.sql).map((name) => tables.get(name));
    for (const use of columnUses(query.sql)) {
      const type = read.map((t) => t && typeOf(t, use.name)).find((t) => t !== undefined);
      if (type === undefined) problems.push(`${query.id}: no column ${use.name}`);
      else if (use.comparedWithString && type !== 'string')
        problems.push(`${query.id}: ${use.name} is ${type}, compared with a string`);
      else if (use.summed && !['bigint', 'int', 'double'].includes(type))
        problems.push(`${query.id}: ${use.name} is ${type}, summed`);
    }
  }
  return problems;
}

describe('runbook queries saved in Athena', () => {
  const template = synth({ stackName: 'Audit-Prod' });
  const saved = Object.values(resourcesOf(template, 'AWS::Athena::NamedQuery')).map(
    (r) => r.Properties ?? {},
  );

  it('saves one named query per runbook query, in the workgroup and database', () => {
    expect(saved).toHaveLength(allQueries().length);
    expect(saved.length).toBeGreaterThan(10);
    for (const query of saved) {
      expect(query.WorkGroup).toBe('audit_prod');
      expect(query.Database).toBe('audit_prod');
    }
  });

  it('names each <runbook-id>/<query-id>, describes it by title and keeps the ? markers', () => {
    const byName = new Map(saved.map((q) => [q.Name as string, q]));
    for (const query of allQueries()) {
      const owner = RUNBOOK_LIST.find((r) => r.queries.some((q) => q.id === query.id));
      const named = byName.get(`${owner?.id}/${query.id}`);

      expect(named?.Description).toBe(query.title);
      // The text the runbook runner sends Athena: named parameters become `?` markers.
      expect(named?.QueryString).toBe(compileSql(query.sql).text);
      expect(named?.QueryString).toContain('?');
      expect(named?.QueryString).not.toContain(':start');
    }
  });

  it('saves a query several runbooks share once, under the first runbook by id', () => {
    const names = runbookNamedQueries().map((q) => q.name);

    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('api-protection-removed/principal-timeline');
    expect(names.filter((n) => n.endsWith('/principal-timeline'))).toHaveLength(1);
  });

  it('stays within CloudFormation limits (name 128, description 1024 characters)', () => {
    for (const query of runbookNamedQueries()) {
      expect(query.name.length).toBeLessThanOrEqual(128);
      expect(query.description?.length ?? 0).toBeLessThanOrEqual(1024);
      expect(query.queryString.length).toBeLessThanOrEqual(262_144);
    }
  });
});

describe('runbook queries against the Glue tables the stack creates', () => {
  const tables = glueTables(synth());
  const queries = allQueries();

  it('reads only tables the stack creates, the access-log table among them', () => {
    const read = new Set(queries.flatMap((q) => tablesRead(q.sql)));

    expect([...read].sort()).toEqual(['cloudtrail_logs', 's3_access_logs']);
    for (const table of read) expect(tables.has(table), table).toBe(true);
  });

  it('names only columns of the tables it reads, with the types its comparisons need', () => {
    expect(schemaProblems(queries, tables)).toEqual([]);
  });

  it('checks the access-log queries on the columns they use', () => {
    const accessLogQueries = queries.filter((q) => tablesRead(q.sql).includes('s3_access_logs'));
    const used = new Set(accessLogQueries.flatMap((q) => columnUses(q.sql).map((u) => u.name)));

    expect(accessLogQueries.length).toBeGreaterThanOrEqual(3);
    expect([...used]).toEqual(
      expect.arrayContaining(['timestamp', 'requestdatetime', 'bucket_name', 'bytessent', 'key']),
    );
  });

  it('catches a column the table lacks, a number compared with a string, and a summed string', () => {
    // Prepare: the mistakes the check exists for, against the real access-log table.
    const bad = {
      id: 'bad',
      sql:
        'SELECT remoteip, sum(coalesce(httpstatus, 0)) AS total FROM s3_access_logs ' +
        "WHERE bytessent = '5' AND bucket = :bucket GROUP BY remoteip",
    };

    // Act
    const problems = schemaProblems([bad], tables);

    // Assess
    expect(problems).toEqual([
      'bad: httpstatus is string, summed',
      'bad: bytessent is bigint, compared with a string',
      'bad: no column bucket',
    ]);
  });
});

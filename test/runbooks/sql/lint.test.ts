import { describe, expect, it } from 'vitest';
import { allQueries } from '../../../runbooks/catalog.js';
import { lintSql } from '../../../runbooks/sql/lint.js';

const WINDOW = '"timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end';
const ok = (where = '', select = 'eventtime, eventid') =>
  `SELECT ${select} FROM cloudtrail_logs WHERE ${WINDOW}${where} ORDER BY eventtime, eventid`;

function rules(sql: string): string[] {
  return lintSql(sql).map((i) => i.rule);
}

describe('lintSql', () => {
  it('passes every runbook query', () => {
    for (const query of allQueries()) {
      expect(lintSql(query.sql), query.id).toEqual([]);
    }
  });

  it('passes a minimal well-formed query', () => {
    expect(rules(ok(" AND eventname = 'StopLogging'"))).toEqual([]);
  });

  it.each([
    [
      'a query without the time window',
      `SELECT eventtime FROM cloudtrail_logs WHERE eventname = 'x' ORDER BY 1`,
      'time-window',
    ],
    [
      'a window that is not first in WHERE',
      `SELECT eventtime FROM cloudtrail_logs WHERE eventname = 'x' AND ${WINDOW} ORDER BY 1`,
      'time-window',
    ],
    ['a query without WHERE', 'SELECT eventtime FROM cloudtrail_logs ORDER BY 1', 'time-window'],
    ['OR at the top of WHERE', ok(" AND eventname = 'a' OR eventname = 'b'"), 'where-or'],
    ['a parameter in SELECT', ok('', 'eventtime, :principal AS p'), 'param-outside-where'],
    [
      'a parameter in HAVING',
      `SELECT eventname, count(*) AS n FROM cloudtrail_logs WHERE ${WINDOW} GROUP BY eventname HAVING count(*) > :account ORDER BY 1`,
      'param-outside-where',
    ],
    ['a parameter in LIMIT', `${ok()} LIMIT :account`, 'param-outside-where'],
    [
      'a select alias in HAVING',
      `SELECT eventname, count(*) AS calls FROM cloudtrail_logs WHERE ${WINDOW} GROUP BY eventname HAVING calls > 10 ORDER BY 1`,
      'alias-reference',
    ],
    [
      'a select alias in WHERE',
      `SELECT useridentity.arn AS actor FROM cloudtrail_logs WHERE ${WINDOW} AND actor = 'x' ORDER BY 1`,
      'alias-reference',
    ],
    [
      'dot access on a JSON string column',
      ok(" AND requestparameters.bucketName = 'b'"),
      'json-dot-access',
    ],
    [
      'a hyphen in a dotted JSON path',
      ok(" AND json_extract_scalar(requestparameters, '$.x-amz-acl') = 'b'"),
      'json-path',
    ],
    ['regexp_replace', ok('', "regexp_replace(eventname, 'a', 'b') AS x"), 'function'],
    ['format', ok('', "format('%s', eventname) AS x"), 'function'],
    ['element_at', ok('', 'element_at(resources, 1) AS x'), 'function'],
    ['cardinality', ok('', 'cardinality(resources) AS x'), 'function'],
    ['date_add', ok('', "date_add('day', 1, from_iso8601_timestamp(eventtime)) AS x"), 'function'],
    ['concat (NULL handling differs)', ok('', "concat(eventname, 'x') AS x"), 'function'],
    ['approx_distinct', ok('', 'approx_distinct(eventname) AS x'), 'function'],
    ['an unknown function', ok('', 'levenshtein(eventname, eventsource) AS x'), 'function'],
    [
      'UNNEST',
      `SELECT r.arn FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS u(r) WHERE ${WINDOW} ORDER BY 1`,
      'function',
    ],
    [
      'a timestamp in the output',
      ok('', 'from_iso8601_timestamp(eventtime) AS t'),
      'timestamp-output',
    ],
    [
      'CAST to timestamp',
      ok(' AND CAST(eventtime AS timestamp) > from_iso8601_timestamp(:start)'),
      'cast',
    ],
    ['CAST to double', ok('', 'CAST(readonly AS DOUBLE) AS x'), 'cast'],
    ['CAST to JSON', ok('', 'CAST(requestparameters AS JSON) AS x'), 'cast'],
    [':: casts', ok('', 'eventid::VARCHAR AS x'), 'dialect'],
    ['ILIKE', ok(" AND eventname ILIKE 'stop%'"), 'dialect'],
    ['a lambda', ok('', 'transform(resources, x -> x) AS y'), 'dialect'],
    ['division', ok('', 'length(eventname) / 2 AS x'), 'division'],
    ['a positional ?', ok(' AND eventname = ?'), 'positional-param'],
    ['a trailing semicolon', `${ok()};`, 'single-statement'],
    ['SELECT *', `SELECT * FROM cloudtrail_logs WHERE ${WINDOW} ORDER BY eventtime`, 'select-star'],
    [
      'an unquoted timestamp column',
      `SELECT eventtime FROM cloudtrail_logs WHERE timestamp BETWEEN :dayFrom AND :dayTo ORDER BY 1`,
      'identifier',
    ],
    ['backtick identifiers', ok('', '`eventname` AS x'), 'identifier'],
    ['no ORDER BY', `SELECT eventtime FROM cloudtrail_logs WHERE ${WINDOW}`, 'order-by'],
    ['an unknown table', `SELECT eventtime FROM cloudtrail WHERE ${WINDOW} ORDER BY 1`, 'table'],
    ['split_part without nullif', ok('', "split_part(eventname, ':', 2) AS x"), 'split-part'],
    ['a wrong argument count', ok('', 'substr(eventname) AS x'), 'arity'],
    [
      'a parse_datetime format the shim does not map',
      ok(
        '',
        "date_diff('second', parse_datetime(eventtime, 'yyyy'), parse_datetime(eventtime, 'yyyy')) AS x",
      ),
      'format',
    ],
    ['an unterminated literal', "SELECT 'abc FROM cloudtrail_logs", 'syntax'],
  ])('rejects %s', (_what, sql, rule) => {
    expect(rules(sql)).toContain(rule);
  });

  it('requires the access-log window on s3_access_logs', () => {
    const sql = `SELECT remoteip FROM s3_access_logs WHERE ${WINDOW} ORDER BY 1`;
    expect(rules(sql)).toContain('time-window');
  });

  it('accepts OR inside parentheses and parameters inside a WHERE subexpression', () => {
    expect(
      rules(
        ok(
          " AND (useridentity.arn = :principal OR starts_with(useridentity.arn, :principal || '/'))",
        ),
      ),
    ).toEqual([]);
  });

  it('reports where the problem is', () => {
    const sql = ok(" AND requestparameters.bucketName = 'b'");
    const [issue] = lintSql(sql);
    expect(sql.slice(issue?.offset ?? 0)).toMatch(/^requestparameters\.bucketName/);
  });
});

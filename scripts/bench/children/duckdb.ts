/**
 * DuckDB doing one simple filter over the same files, with typed columns (only
 * eventSource and eventName): the fast way research/performance.md found. One thread
 * for the single-core row.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { flag, readList, report } from './common.js';

const argv = process.argv.slice(2);
const files = readList(flag(argv, 'list'));
const threads = Number(flag(argv, 'threads', '1'));
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const list = `[${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(',')}]`;
const sql = `
  SELECT count(*) AS events, count(*) FILTER (WHERE r.eventName = 'PutBucketAcl') AS put_bucket_acl
  FROM (
    SELECT unnest(Records) AS r
    FROM read_json(${list},
      columns = {Records: 'STRUCT(eventSource VARCHAR, eventName VARCHAR)[]'},
      format = 'auto', compression = 'gzip', maximum_object_size = 1073741824)
  )`;
const reader = await connection.runAndReadAll(sql);
const row = reader.getRowObjects()[0] as { events: bigint; put_bucket_acl: bigint };
report({
  mode: 'duckdb',
  threads,
  events: Number(row.events),
  putBucketAcl: Number(row.put_bucket_acl),
});

import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import {
  allQueries,
  DEFAULT_RUNBOOK_BASE_URL,
  getRunbook,
  RUNBOOK_LIST,
  RUNBOOKS,
  runbookUrl,
} from '../../runbooks/catalog.js';
import { RunbookSchema } from '../../runbooks/schema.js';
import { compileSql } from '../../runbooks/sql/compile.js';
import { tablesRead } from '../../runbooks/sql/tables.js';

/** The families issue 4 asks a runbook for, by the ids detectors use. */
const FAMILIES = [
  'cloudtrail-tampering',
  's3-public-exposure',
  's3-data-destruction',
  'iam-privilege-escalation',
  'credential-compromise',
  'data-exfiltration',
  'root-account-use',
  'console-brute-force',
  'kms-key-loss',
  'network-exposure',
  'lambda-backdoor',
  'api-protection-removed',
  'secrets-access',
  's3-bucket-scanning',
];

describe('runbook catalog', () => {
  it('validates every runbook against the schema', () => {
    for (const runbook of RUNBOOK_LIST) {
      const parsed = RunbookSchema.safeParse(runbook);
      expect(parsed.success, `${runbook.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('has a runbook for every family, with unique ids', () => {
    expect(RUNBOOK_LIST.map((r) => r.id).sort()).toEqual([...FAMILIES].sort());
  });

  it('has a runbook for the id every built-in detector names', () => {
    for (const detector of BUILTIN_DETECTORS) {
      expect(RUNBOOKS.has(detector.runbook), `${detector.id} -> ${detector.runbook}`).toBe(true);
    }
  });

  it('lists exactly the detectors that point at each runbook', () => {
    for (const runbook of RUNBOOK_LIST) {
      const pointing = BUILTIN_DETECTORS.filter((d) => d.runbook === runbook.id).map((d) => d.id);
      expect(
        [...runbook.detectors].sort(),
        `update detectors in runbooks/data/${runbook.id}.ts, then run npm run runbooks:docs`,
      ).toEqual(pointing.sort());
    }
  });

  it('declares exactly the filter parameters each query uses', () => {
    for (const query of allQueries()) {
      const used = new Set(compileSql(query.sql).params);
      const filters = [...used].filter((p) => !['dayFrom', 'dayTo', 'start', 'end'].includes(p));
      expect(filters.sort(), query.id).toEqual([...query.params].sort());
      expect([...used], `${query.id} must use the whole window`).toEqual(
        expect.arrayContaining(['dayFrom', 'dayTo', 'start', 'end']),
      );
    }
  });

  it('gives every query one id, whichever runbooks share it', () => {
    const seen = new Map<string, string>();
    for (const runbook of RUNBOOK_LIST) {
      for (const query of runbook.queries) {
        const sql = seen.get(query.id);
        if (sql !== undefined) expect(query.sql, query.id).toBe(sql);
        seen.set(query.id, query.sql);
      }
    }
  });

  it('reads access logs only in the runbooks about S3', () => {
    const withAccessLogs = RUNBOOK_LIST.filter((r) =>
      r.queries.some((q) => tablesRead(q.sql).includes('s3_access_logs')),
    ).map((r) => r.id);
    expect(withAccessLogs.sort()).toEqual(['s3-bucket-scanning', 's3-public-exposure']);
  });

  it('keeps the exports alerting uses', () => {
    expect(RUNBOOKS.get('root-account-use')).toEqual({
      id: 'root-account-use',
      title: 'Root account used',
    });
    expect(runbookUrl('kms-key-loss')).toBe(`${DEFAULT_RUNBOOK_BASE_URL}/kms-key-loss.md`);
    expect(runbookUrl('a b', 'https://x.example/docs//')).toBe('https://x.example/docs/a%20b.md');
    expect(getRunbook('nope')).toBeUndefined();
  });
});

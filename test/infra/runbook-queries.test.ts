import { describe, expect, it } from 'vitest';
import { runbookNamedQueries } from '../../infra/lib/runbook-queries.js';
import { allQueries, RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { compileSql } from '../../runbooks/sql/compile.js';
import { resourcesOf, synth } from './support.js';

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

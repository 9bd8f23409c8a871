import { describe, expect, it } from 'vitest';
import { ParamError, UnknownRunbookError } from '../../runbooks/errors.js';
import { planInvestigation } from '../../runbooks/plan.js';

const WINDOW = { start: '2024-05-14T08:00:00Z', end: '2024-05-14T12:00:00Z' };

describe('planInvestigation', () => {
  it('compiles the runnable queries and skips those missing a parameter', () => {
    const plan = planInvestigation('secrets-access', { ...WINDOW, sourceIp: '203.0.113.50' });

    expect(plan.queries.map((q) => q.query.id)).toEqual([
      'secret-reads',
      'secret-policy-changes',
      'source-ip-activity',
    ]);
    expect(plan.skipped).toEqual([
      {
        query: expect.objectContaining({ id: 'secret-reads-by-principal' }),
        missing: ['principal'],
      },
    ]);
    const ip = plan.queries[2];
    expect(ip?.values).toEqual([
      '2024/05/14',
      '2024/05/15',
      WINDOW.start,
      WINDOW.end,
      '203.0.113.50',
    ]);
    expect(ip?.compiled.text).not.toContain(':');
  });

  it('runs only the queries asked for, and says what a missing one needs', () => {
    const plan = planInvestigation('secrets-access', WINDOW, ['secret-reads']);
    expect(plan.queries.map((q) => q.query.id)).toEqual(['secret-reads']);
    expect(() =>
      planInvestigation('secrets-access', WINDOW, ['secret-reads-by-principal']),
    ).toThrow(/secret-reads-by-principal needs --param principal=\.\.\./);
  });

  it('refuses unknown runbooks, queries and parameters, and hostile values', () => {
    expect(() => planInvestigation('nope', WINDOW)).toThrow(UnknownRunbookError);
    expect(() => planInvestigation('secrets-access', WINDOW, ['nope'])).toThrow(
      /has no query "nope"; queries: secret-reads/,
    );
    expect(() => planInvestigation('secrets-access', { ...WINDOW, user: 'x' })).toThrow(
      /unknown parameter "user"/,
    );
    expect(() =>
      planInvestigation('secrets-access', { ...WINDOW, sourceIp: "1.2.3.4' OR 1=1" }),
    ).toThrow(ParamError);
  });

  it('requires the window', () => {
    expect(() => planInvestigation('secrets-access', { start: WINDOW.start })).toThrow(
      /time window is required/,
    );
  });

  it('says which parameters would make a runbook runnable', () => {
    expect(() => planInvestigation('lambda-backdoor', WINDOW, [])).not.toThrow();
    expect(() => planInvestigation('s3-bucket-scanning', WINDOW)).toThrow(
      /give at least one of bucket, sourceIp/,
    );
  });
});

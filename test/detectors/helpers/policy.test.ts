import { describe, expect, it } from 'vitest';
import { grantsFullAdmin, parsePolicy } from '../../../detectors/helpers/policy.js';

const allowAll = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
};

describe('Helper: parsePolicy (the flat statement view)', () => {
  it('parses a JSON string with a single statement object', () => {
    const statements = parsePolicy(JSON.stringify(allowAll));

    expect(statements).toHaveLength(1);
    expect(statements?.[0]?.actions).toEqual(['s3:GetObject']);
    expect(statements?.[0]?.principals).toEqual(['*']);
  });

  it('parses a URL-encoded JSON string as IAM returns it', () => {
    expect(parsePolicy(encodeURIComponent(JSON.stringify(allowAll)))?.[0]?.effect).toBe('Allow');
  });

  it('keeps NotAction apart from Action', () => {
    const [statement] =
      parsePolicy({ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }) ?? [];

    expect(statement?.actions).toEqual([]);
    expect(statement?.notActions).toEqual(['iam:*']);
  });

  it('returns undefined for text that is not a policy', () => {
    expect(parsePolicy('not json')).toBeUndefined();
    expect(parsePolicy({ Version: '2012-10-17' })).toBeUndefined();
    expect(parsePolicy(null)).toBeUndefined();
  });
});

describe('Helper: grantsFullAdmin', () => {
  it('judges full administration by what the statements allow', () => {
    const admin = parsePolicy({ Statement: { Effect: 'Allow', NotAction: 's3:*', Resource: '*' } });
    const powerUser = parsePolicy({
      Statement: { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
    });

    expect(grantsFullAdmin(admin ?? [])).toBe(true);
    expect(grantsFullAdmin(powerUser ?? [])).toBe(false);
  });
});

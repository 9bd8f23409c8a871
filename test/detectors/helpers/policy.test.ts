import { describe, expect, it } from 'vitest';
import {
  grantsFullAdmin,
  hasRestrictingCondition,
  parsePolicy,
  publicAllowStatements,
} from '../../../detectors/helpers/policy.js';

const allowAll = (condition?: unknown) => ({
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: condition,
  },
});

describe('Helper: parsePolicy', () => {
  it('parses a JSON string with a single statement object', () => {
    const statements = parsePolicy(JSON.stringify(allowAll()));
    expect(statements).toHaveLength(1);
    expect(statements?.[0]?.actions).toEqual(['s3:GetObject']);
    expect(statements?.[0]?.principals).toEqual(['*']);
  });

  it('parses a URL-encoded JSON string as IAM returns it', () => {
    const encoded = encodeURIComponent(JSON.stringify(allowAll()));
    expect(parsePolicy(encoded)?.[0]?.effect).toBe('Allow');
  });

  it('returns undefined for text that is not a policy', () => {
    expect(parsePolicy('not json')).toBeUndefined();
    expect(parsePolicy({ Version: '2012-10-17' })).toBeUndefined();
    expect(parsePolicy(null)).toBeUndefined();
  });
});

describe('Helper: grantsFullAdmin', () => {
  it('detects Action * on Resource *', () => {
    const doc = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(grantsFullAdmin(parsePolicy(doc) ?? [])).toBe(true);
  });

  it('does not flag read-only wildcards or a Deny', () => {
    const readOnly = {
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }],
    };
    const deny = { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    expect(grantsFullAdmin(parsePolicy(readOnly) ?? [])).toBe(false);
    expect(grantsFullAdmin(parsePolicy(deny) ?? [])).toBe(false);
  });
});

describe('Helper: hasRestrictingCondition', () => {
  const restricted = (condition: unknown) =>
    hasRestrictingCondition(parsePolicy(allowAll(condition))?.[0] ?? ({} as never));

  it('accepts an organisation condition as restricting', () => {
    expect(restricted({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })).toBe(true);
  });

  it('does not accept a negated operator', () => {
    expect(restricted({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })).toBe(false);
  });

  it('does not accept IfExists, wildcard values or the whole internet', () => {
    expect(restricted({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } })).toBe(false);
    expect(restricted({ StringLike: { 'aws:PrincipalOrgID': '*' } })).toBe(false);
    expect(restricted({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })).toBe(false);
  });

  it('does not accept conditions that do not limit who, like TLS-only', () => {
    expect(restricted({ Bool: { 'aws:SecureTransport': 'true' } })).toBe(false);
  });

  it('accepts an office IP range', () => {
    expect(restricted({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } })).toBe(true);
  });
});

describe('Helper: publicAllowStatements', () => {
  it('keeps only unrestricted Allow statements for anyone', () => {
    const doc = {
      Statement: [
        { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' },
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: '*',
          Resource: '*',
        },
      ],
    };
    expect(publicAllowStatements(parsePolicy(doc) ?? [])).toHaveLength(1);
  });
});

describe('Helper: grantsFullAdmin with NotAction', () => {
  it('does not treat the PowerUserAccess NotAction pattern as full admin', () => {
    const doc = {
      Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }],
    };
    expect(grantsFullAdmin(parsePolicy(doc) ?? [])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../detectors/semantics/index.js';

const statement = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::444455556666:root', Service: 'sns.amazonaws.com' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
  Condition: { StringEquals: { 'AWS:SourceAccount': '444455556666', 'aws:x': 10 } },
};

describe('readPolicy: policies in every form CloudTrail logs them', () => {
  it('reads a parsed object, a JSON string and URL-encoded JSON alike', () => {
    const doc = { Version: '2012-10-17', Statement: [statement] };
    const forms = [doc, JSON.stringify(doc), encodeURIComponent(JSON.stringify(doc))];

    const read = forms.map((form) => readPolicy(form));

    expect(read[0]).toBeDefined();
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
  });

  it('reads a single statement object, single values and condition keys in any case', () => {
    const [s] = readPolicy({ Statement: statement })?.statements ?? [];

    expect(s?.actions).toEqual({ mode: 'only', patterns: ['s3:GetObject'] });
    expect(s?.principal?.aws).toEqual(['arn:aws:iam::444455556666:root']);
    expect(s?.principal?.service).toEqual(['sns.amazonaws.com']);
    expect(s?.conditions).toEqual([
      { operator: 'StringEquals', key: 'aws:sourceaccount', values: ['444455556666'] },
      { operator: 'StringEquals', key: 'aws:x', values: ['10'] },
    ]);
  });

  it('reads `*` and {"AWS": "*"} as anyone, and a missing Resource as the whole resource', () => {
    const [bare, typed] =
      readPolicy({
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: ['*'] }, NotAction: 'iam:*' },
        ],
      })?.statements ?? [];

    expect(bare?.principal?.anyone).toBe(true);
    expect(typed?.principal?.anyone).toBe(true);
    expect(typed?.actions.mode).toBe('except');
    expect(bare?.resources).toEqual({ mode: 'except', patterns: [] });
  });

  it('skips junk statements and reads non-policies as undefined', () => {
    expect(readPolicy({ Statement: [1, null, 'x', { Effect: 'Maybe', Action: '*' }] })).toEqual({
      statements: [],
    });
    for (const junk of [null, 42, 'not json', '%E0%A4%A', '[]', { Version: '2012-10-17' }]) {
      expect(readPolicy(junk)).toBeUndefined();
    }
  });
});

describe('readPolicy: hostile principal keys', () => {
  it('ignores principal types that are not AWS, Service, Federated or CanonicalUser', () => {
    const [s] =
      readPolicy({
        Statement: {
          Effect: 'Allow',
          Principal: { constructor: '*', __proto__: ['x'], toString: 'y', AWS: '111122223333' },
          Action: '*',
        },
      })?.statements ?? [];

    expect(s?.principal).toEqual({
      anyone: false,
      aws: ['111122223333'],
      service: [],
      federated: [],
      canonicalUser: [],
    });
  });
});

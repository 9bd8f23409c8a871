import { describe, expect, it } from 'vitest';
import { globMatch, instantiate } from '../../../detectors/semantics/wildcard.js';

describe('globMatch: IAM wildcards', () => {
  it('matches * as any run (also none) and ? as exactly one character', () => {
    expect(globMatch('s3:Get*', 's3:GetObject')).toBe(true);
    expect(globMatch('s3:Get*', 's3:Get')).toBe(true);
    expect(globMatch('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(globMatch('s3:?etObject', 's3:etObject')).toBe(false);
    expect(globMatch('arn:aws:iam::*', 'arn:aws:iam::444455556666:role/x')).toBe(true);
  });

  it('is case-sensitive unless asked (action names are not)', () => {
    expect(globMatch('S3:*OBJECT', 's3:DeleteObject')).toBe(false);
    expect(globMatch('S3:*OBJECT', 's3:DeleteObject', true)).toBe(true);
  });

  it('answers quickly and false for hostile patterns', () => {
    expect(globMatch(`${'*a'.repeat(1000)}*`, 's3:PutObject')).toBe(false);
    expect(globMatch('*'.repeat(5000), 'x')).toBe(false);
  });
});

describe('instantiate', () => {
  it('spells a value the pattern matches', () => {
    for (const pattern of ['vpce-*', 'o-*/r-??/*', 'arn:aws:iam::*:role/Admin']) {
      expect(globMatch(pattern, instantiate(pattern, 'outsider'))).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { allowsS3Read, allowsS3Write } from '../../../detectors/helpers/s3-policy.js';
import { outsideAccess, readPolicy } from '../../../detectors/semantics/index.js';

const OWNER = { ownAccount: '111122223333', trustedAccounts: [], trustedOrganizationIds: [] };

/** The grant anyone gets from one public statement plus optional others. */
const publicGrant = (grant: Record<string, unknown>, ...others: unknown[]) => {
  const policy = readPolicy({
    Statement: [
      { Effect: 'Allow', Principal: '*', Resource: 'arn:aws:s3:::b/*', ...grant },
      ...others,
    ],
  });
  const found = policy && outsideAccess(policy, OWNER)[0];
  if (!found) throw new Error('expected a public grant');
  return found;
};

describe('allowsS3Write', () => {
  it('is true for put, delete and full wildcards', () => {
    for (const action of ['s3:PutObject', 's3:Delete*', 's3:*', '*', ['s3:GetObject', 's3:Put*']]) {
      expect(allowsS3Write(publicGrant({ Action: action }))).toBe(true);
    }
  });

  it('is false for read-only actions', () => {
    expect(allowsS3Write(publicGrant({ Action: ['s3:GetObject', 's3:ListBucket'] }))).toBe(false);
  });

  it('treats NotAction as everything except the listed actions', () => {
    expect(allowsS3Write(publicGrant({ NotAction: 's3:DeleteObject' }))).toBe(true);
    expect(allowsS3Write(publicGrant({ NotAction: ['s3:Put*', 's3:Delete*'] }))).toBe(false);
  });

  it('leaves out what an unconditional Deny for everyone takes back', () => {
    const denyWrites = {
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:Put*', 's3:Delete*'],
      Resource: 'arn:aws:s3:::b/*',
    };

    const grant = publicGrant({ Action: 's3:*' }, denyWrites);

    expect(allowsS3Write(grant)).toBe(false);
    expect(allowsS3Read(grant)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { grantsFullAdministration, readPolicy } from '../../../detectors/semantics/index.js';

const OWN = '111122223333';
const admin = (...statements: unknown[]) => {
  const policy = readPolicy({ Version: '2012-10-17', Statement: statements });
  return policy !== undefined && grantsFullAdministration(policy, OWN);
};
const allow = (grant: Record<string, unknown>) => ({ Effect: 'Allow', ...grant });

describe('grantsFullAdministration: AWS managed policies and documented spellings', () => {
  it('AdministratorAccess (Action * on Resource *) is administration', () => {
    expect(admin(allow({ Action: '*', Resource: '*' }))).toBe(true);
  });

  it('PowerUserAccess (NotAction iam, organizations, account) is not', () => {
    expect(
      admin(
        allow({ NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }),
        allow({
          Action: [
            'iam:CreateServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        }),
      ),
    ).toBe(false);
  });

  it('IAMFullAccess and ReadOnly-style policies are not', () => {
    expect(
      admin(allow({ Action: ['iam:*', 'organizations:DescribeAccount'], Resource: '*' })),
    ).toBe(false);
    expect(admin(allow({ Action: ['s3:Get*', 's3:List*', 'ec2:Describe*'], Resource: '*' }))).toBe(
      false,
    );
  });

  it('NotAction that leaves IAM in, on every resource, is administration', () => {
    expect(admin(allow({ NotAction: 's3:DeleteBucket', Resource: '*' }))).toBe(true);
  });

  it('wildcard ARNs and NotResource count as every resource', () => {
    expect(admin(allow({ Action: '*', Resource: 'arn:aws:*:*:*:*' }))).toBe(true);
    expect(admin(allow({ Action: '*:*', Resource: 'arn:*:*:*:*:*' }))).toBe(true);
    expect(admin(allow({ Action: '*', NotResource: ['arn:aws:s3:::HRBucket/Payroll/*'] }))).toBe(
      true,
    );
    expect(admin(allow({ Action: '*', Resource: `arn:aws:*:*:${OWN}:*` }))).toBe(true);
  });

  it('one bucket, one service or IAM resources only are not', () => {
    expect(admin(allow({ Action: '*', Resource: 'arn:aws:s3:::team-bucket/*' }))).toBe(false);
    expect(admin(allow({ Action: 's3:*', NotResource: 'arn:aws:s3:::payroll/*' }))).toBe(false);
    expect(admin(allow({ Action: '*', Resource: 'arn:aws:iam::*:*' }))).toBe(false);
  });

  it('an unconditional Deny on IAM takes administration away; a conditional one does not', () => {
    const everything = allow({ Action: '*', Resource: '*' });
    const denyIam = { Effect: 'Deny', Action: 'iam:*', Resource: '*' };

    expect(admin(everything, denyIam)).toBe(false);
    expect(
      admin(everything, {
        ...denyIam,
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    ).toBe(true);
  });

  it('a Deny of everything is not administration', () => {
    expect(admin({ Effect: 'Deny', Action: '*', Resource: '*' })).toBe(false);
  });
});

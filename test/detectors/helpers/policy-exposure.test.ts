import { describe, expect, it } from 'vitest';
import {
  conditionValues,
  describeExposure,
  policyExposures,
  readTypedPolicy,
  statementExposures,
} from '../../../detectors/helpers/policy-exposure.js';
import { DEFAULT_SETTINGS, type DetectorSettings } from '../../../detectors/types.js';

const OWN = '111122223333';
const OTHER = '444455556666';

const settings = (over: Partial<DetectorSettings> = {}): DetectorSettings => ({
  ...DEFAULT_SETTINGS,
  ...over,
});

const exposures = (statement: unknown, over: Partial<DetectorSettings> = {}) =>
  policyExposures(
    readTypedPolicy({ Version: '2012-10-17', Statement: statement }) ?? [],
    OWN,
    settings(over),
  ).map(describeExposure);

describe('readTypedPolicy', () => {
  it('keeps principals apart by type', () => {
    const [typed] =
      readTypedPolicy(
        JSON.stringify({
          Statement: {
            Effect: 'Allow',
            Principal: {
              AWS: ['arn:aws:iam::444455556666:root'],
              Service: 'lambda.amazonaws.com',
              Federated: 'cognito-identity.amazonaws.com',
            },
            Action: '*',
          },
        }),
      ) ?? [];

    expect(typed?.aws).toEqual(['arn:aws:iam::444455556666:root']);
    expect(typed?.service).toEqual(['lambda.amazonaws.com']);
    expect(typed?.federated).toEqual(['cognito-identity.amazonaws.com']);
  });

  it('pairs raw and parsed statements even when junk entries are mixed in', () => {
    const typed = readTypedPolicy({
      Statement: [null, 'x', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }],
    });

    expect(typed).toHaveLength(1);
    expect(typed?.[0]?.aws).toEqual(['*']);
  });

  it('returns undefined for what is not a policy', () => {
    expect(readTypedPolicy('%E0%A4%A')).toBeUndefined();
    expect(readTypedPolicy('[]')).toBeUndefined();
    expect(readTypedPolicy(undefined)).toBeUndefined();
  });
});

describe('policyExposures', () => {
  it('reports anyone without a restricting condition as public', () => {
    expect(exposures({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:*' })).toEqual([
      'anyone',
    ]);
  });

  it('does not report `*` narrowed by source IP, VPC endpoint or own account', () => {
    for (const condition of [
      { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
      { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
      { StringEquals: { 'AWS:SourceOwner': OWN } },
    ]) {
      expect(
        exposures({ Effect: 'Allow', Principal: '*', Action: '*', Condition: condition }),
      ).toEqual([]);
    }
  });

  it('reports the foreign account a condition pins `*` to', () => {
    const statement = {
      Effect: 'Allow',
      Principal: '*',
      Action: 'sns:Publish',
      Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/x` } },
    };

    expect(exposures(statement)).toEqual([`account ${OTHER}`]);
  });

  it('weighs an Allow against the Denies of its policy', () => {
    const allowAnyone = { Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage' };
    const denyOutsideOrg = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
    };
    const typed = readTypedPolicy({ Statement: [allowAnyone, denyOutsideOrg] }) ?? [];

    expect(typed[0] && statementExposures(typed[0], OWN, settings())).toEqual([]);
    expect(exposures([allowAnyone])).toEqual(['anyone']);
  });

  it('reports untrusted account principals and skips own, trusted and CloudFront identities', () => {
    const statement = {
      Effect: 'Allow',
      Principal: {
        AWS: [
          `arn:aws:iam::${OWN}:root`,
          `arn:aws:iam::${OTHER}:role/reader`,
          '999988887777',
          'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL',
        ],
      },
      Action: 's3:GetObject',
    };

    expect(exposures(statement, { trustedAccounts: ['999988887777'] })).toEqual([
      `account ${OTHER}`,
    ]);
  });

  it('trusts any account when the statement is pinned to a trusted organisation', () => {
    const statement = {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: 's3:GetObject',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
    };

    expect(exposures(statement, { trustedOrganizationIds: ['o-abc123def4'] })).toEqual([]);
    expect(exposures(statement)).toEqual([`account ${OTHER}`]);
  });

  it('reports an untrusted organisation only when organisations are configured', () => {
    const statement = {
      Effect: 'Allow',
      Principal: '*',
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } },
    };

    expect(exposures(statement)).toEqual([]);
    expect(exposures(statement, { trustedOrganizationIds: ['o-abc123def4'] })).toEqual([
      'organization o-zzzzzzzzzz',
    ]);
  });

  it('ignores Deny statements and service principals', () => {
    expect(
      exposures([
        { Effect: 'Deny', Principal: '*', Action: '*' },
        { Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 's3:PutObject' },
      ]),
    ).toEqual([]);
  });
});

describe('conditionValues', () => {
  it('skips negated, IfExists and Null operators, and reads numbers as IAM does', () => {
    const [typed] =
      readTypedPolicy({
        Statement: {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: {
            StringNotEquals: { 'aws:PrincipalAccount': '1' },
            StringEqualsIfExists: { 'aws:PrincipalAccount': '2' },
            Null: { 'aws:PrincipalAccount': 'false' },
            StringEquals: { 'AWS:PRINCIPALACCOUNT': ['3', 4] },
          },
        },
      }) ?? [];

    expect(typed && conditionValues(typed.statement, 'aws:PrincipalAccount')).toEqual(['3', '4']);
  });
});

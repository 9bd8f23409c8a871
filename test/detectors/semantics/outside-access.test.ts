import { describe, expect, it } from 'vitest';
import {
  describeOutside,
  grantPermits,
  type Ownership,
  outsideAccess,
  readPolicy,
} from '../../../detectors/semantics/index.js';

const OWN = '111122223333';
const OTHER = '444455556666';
const OUR_ORG = 'o-a1b2c3d4e5';
const OBJECTS = 'arn:aws:s3:::amzn-s3-demo-bucket/*';

const owner = (over: Partial<Ownership> = {}): Ownership => ({
  ownAccount: OWN,
  trustedAccounts: [],
  trustedOrganizationIds: [OUR_ORG],
  ...over,
});

const who = (statements: unknown, over: Partial<Ownership> = {}) => {
  const policy = readPolicy({ Version: '2012-10-17', Statement: statements });
  return policy ? outsideAccess(policy, owner(over)).map((g) => describeOutside(g.who)) : [];
};

const anyoneReads = (condition?: unknown) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: ['s3:GetObject', 's3:GetObjectVersion'],
  Resource: OBJECTS,
  Condition: condition,
});

describe('outsideAccess: resource policies from the AWS documentation', () => {
  it('S3 read-only access for anonymous users is public', () => {
    expect(who(anyoneReads())).toEqual(['anyone']);
  });

  it('aws:PrincipalOrgID of our organisation restricts; another organisation is reported', () => {
    expect(who(anyoneReads({ StringEquals: { 'aws:PrincipalOrgID': [OUR_ORG] } }))).toEqual([]);
    expect(who(anyoneReads({ StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } }))).toEqual([
      'organization o-zzzzzzzzzz',
    ]);
  });

  it('presumes a named organisation is ours when the operator named none', () => {
    const pinned = anyoneReads({ StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } });

    expect(who(pinned, { trustedOrganizationIds: [] })).toEqual([]);
  });

  it('a VPC endpoint Deny (StringNotEquals aws:SourceVpce) closes a public Allow', () => {
    const denyOutsideEndpoint = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', OBJECTS],
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    };

    expect(who([anyoneReads(), denyOutsideEndpoint])).toEqual([]);
  });

  it('an IP allow-list Deny (NotIpAddress aws:SourceIp) closes a public Allow', () => {
    const denyOutsideOffice = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: OBJECTS,
      Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] } },
    };

    expect(who([anyoneReads(), denyOutsideOffice])).toEqual([]);
  });

  it('a TLS-only Deny does not: the outsider simply uses TLS', () => {
    const tlsOnly = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: OBJECTS,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };

    expect(who([anyoneReads(), tlsOnly])).toEqual(['anyone']);
  });

  it('the default SNS topic policy (AWS:SourceOwner) lets no outsider in', () => {
    expect(
      who({
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:Publish', 'SNS:Subscribe'],
        Resource: `arn:aws:sns:us-east-1:${OWN}:alerts`,
        Condition: { StringEquals: { 'AWS:SourceOwner': OWN } },
      }),
    ).toEqual([]);
  });

  it('SQS for one SNS topic by aws:SourceArn; a service without a source is a confused deputy', () => {
    const fromTopic = (condition?: unknown) => ({
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: `arn:aws:sqs:us-east-1:${OWN}:orders`,
      Condition: condition,
    });

    expect(
      who(fromTopic({ ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${OWN}:alerts` } })),
    ).toEqual([]);
    expect(who(fromTopic())).toEqual(['sns.amazonaws.com for any account']);
    expect(who(fromTopic({ StringEquals: { 'aws:SourceAccount': OTHER } }))).toEqual([
      `sns.amazonaws.com for account ${OTHER}`,
    ]);
  });

  it('the default KMS key policy and an AWS-managed-style policy stay inside the account', () => {
    expect(
      who([
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OWN}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt'],
          Resource: '*',
          Condition: {
            StringEquals: {
              'kms:CallerAccount': OWN,
              'kms:ViaService': 'ebs.us-east-1.amazonaws.com',
            },
          },
        },
      ]),
    ).toEqual([]);
  });

  it('a key policy for users in another account reports that account, unless trusted', () => {
    const external = {
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${OTHER}:root`, `arn:aws:iam::${OWN}:role/ops`] },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
    };

    expect(who(external)).toEqual([`account ${OTHER}`]);
    expect(who(external, { trustedAccounts: [OTHER] })).toEqual([]);
  });

  it('a third-party trust policy with sts:ExternalId is still that account', () => {
    expect(
      who({
        Effect: 'Allow',
        Principal: { AWS: OTHER },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } },
      }),
    ).toEqual([`account ${OTHER}`]);
  });

  it('Allow with NotPrincipal lets everyone else in; Deny with NotPrincipal keeps them out', () => {
    const allowAllBut = {
      Effect: 'Allow',
      NotPrincipal: { AWS: `arn:aws:iam::${OWN}:user/Bob` },
      Action: 's3:GetObject',
      Resource: OBJECTS,
    };
    const denyAllBut = {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OWN}:user/Bob`] },
      Action: 's3:*',
      Resource: OBJECTS,
    };

    expect(who(allowAllBut)).toEqual(['anyone']);
    expect(who([anyoneReads(), denyAllBut])).toEqual([]);
  });

  it('ForAllValues on a key anonymous callers lack restricts nobody; ForAnyValue does', () => {
    expect(
      who(anyoneReads({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': OUR_ORG } })),
    ).toEqual(['anyone']);
    expect(
      who(anyoneReads({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': OUR_ORG } })),
    ).toEqual([]);
  });

  it('keys the caller controls restrict nobody', () => {
    for (const condition of [
      { StringLike: { 'aws:Referer': 'https://www.example.com/*' } },
      { StringEquals: { 'aws:UserAgent': 'internal-tool/1.0' } },
      { StringEquals: { 'aws:RequestTag/team': 'blue' } },
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    ]) {
      expect(who(anyoneReads(condition))).toEqual(['anyone']);
    }
  });

  it('takes away only the actions a certain Deny names', () => {
    const policy = readPolicy({
      Statement: [
        anyoneReads(),
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObjectVersion', Resource: OBJECTS },
      ],
    });
    const [grant] = policy ? outsideAccess(policy, owner()) : [];

    expect(grant && grantPermits(grant, 's3:GetObject')).toBe(true);
    expect(grant && grantPermits(grant, 's3:GetObjectVersion')).toBe(false);
  });

  it('ignores statements that name no principal and grants that are denied entirely', () => {
    expect(who({ Effect: 'Allow', Action: '*', Resource: '*' })).toEqual([]);
    expect(
      who([anyoneReads(), { Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*' }]),
    ).toEqual([]);
  });
});

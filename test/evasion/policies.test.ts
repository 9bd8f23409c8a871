import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { ACCOUNT, OTHER_ACCOUNT } from '../../detectors/examples/events.js';
import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type Finding,
  type Severity,
} from '../../detectors/types.js';
import {
  addPermission,
  createPolicyVersion,
  createRole,
  doc,
  putBucketPolicy,
  putInlinePolicy,
  putInlinePolicyToPermissionSet,
  putKeyPolicy,
  putSecretPolicy,
  setQueueAttributes,
  setRepositoryPolicy,
  setTopicAttributes,
  setVaultAccessPolicy,
  updateAssumeRolePolicy,
  updateDomainConfig,
} from './policy-events.js';

/**
 * Policies an attacker who knows the rules writes to open a resource, or to
 * grant administration, while looking restricted, each beside a near-miss
 * that really is restricted. Every event goes through the real engine with the
 * whole built-in catalog; the evasion must raise the named detector, the
 * near-miss none of the policy-judging detectors.
 */
const OUR_ORG = 'o-a1b2c3d4e5';
const THEIR_ORG = 'o-zzzzzzzzzz';
const OUR_VPCE = 'vpce-0123456789abcdef0';
const SIBLING = '222233334444';
const BUCKET_OBJECTS = 'arn:aws:s3:::customer-invoices/*';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`;

const POLICY_DETECTORS = new Set([
  's3-bucket-policy-public',
  's3-bucket-policy-external-account',
  'resource-policy-made-public',
  'secrets-policy-public',
  'kms-key-policy-opened',
  'lambda-permission-public-or-cross-account',
  'iam-policy-grants-full-admin',
  'iam-role-trust-policy-backdoor',
  'ecr-policy-shared-outside',
  'identity-center-admin-permission-set',
]);

const engine = new DetectorEngine(BUILTIN_DETECTORS, {
  settings: {
    ...DEFAULT_SETTINGS,
    trustedAccounts: [SIBLING],
    trustedOrganizationIds: [OUR_ORG],
  },
});

function findings(event: CloudTrailEvent): Finding[] {
  return engine.evaluate(event, (error) => {
    throw error;
  });
}

interface Case {
  readonly name: string;
  readonly detector: string;
  readonly evasion: CloudTrailEvent;
  readonly control: CloudTrailEvent;
  readonly severity?: Severity;
}

const anyoneReads = (condition: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: BUCKET_OBJECTS,
  Condition: condition,
  ...extra,
});
const publicBucket = (condition: unknown) => putBucketPolicy(doc(anyoneReads(condition)));
const orgIs = (operator: string, org: string | string[]) => ({
  [operator]: { 'aws:PrincipalOrgID': org },
});

const s3Public: Case[] = [
  {
    name: 'ForAllValues:StringEquals aws:PrincipalOrgID (true when the key is absent)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket(orgIs('ForAllValues:StringEquals', OUR_ORG)),
    control: publicBucket(orgIs('StringEquals', OUR_ORG)),
  },
  {
    name: 'StringLike aws:PrincipalArn "arn:aws:iam::*"',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } }),
    control: publicBucket({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/*` } }),
  },
  {
    name: 'StringLike aws:SourceVpce "vpce-*" (the outsider has an endpoint too)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ StringLike: { 'aws:SourceVpce': 'vpce-*' } }),
    control: publicBucket({ StringEquals: { 'aws:SourceVpce': OUR_VPCE } }),
  },
  {
    name: 'ForAnyValue:StringLike aws:PrincipalOrgPaths "o-*/*"',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*/*' } }),
    control: publicBucket({
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${OUR_ORG}/r-ab12/*` },
    }),
  },
  {
    name: 'aws:SourceIp 0.0.0.0/1 plus 128.0.0.0/1',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } }),
    control: publicBucket({
      IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] },
    }),
  },
  {
    name: 'aws:SourceIp ::/0 written uncompressed',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({
      IpAddress: { 'aws:SourceIp': '0000:0000:0000:0000:0000:0000:0000:0000/0' },
    }),
    control: publicBucket({ IpAddress: { 'aws:SourceIp': '2001:db8:1234::/48' } }),
  },
  {
    name: 'aws:SourceIp ::ffff:0:0/96 (every IPv4 address, IPv4-mapped)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ IpAddress: { 'aws:SourceIp': '::ffff:0:0/96' } }),
    control: publicBucket({ IpAddress: { 'aws:SourceIp': '::ffff:10.0.0.0/104' } }),
  },
  {
    name: 'StringEqualsIfExists aws:SourceVpce (requests from the internet carry no endpoint)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ StringEqualsIfExists: { 'aws:SourceVpce': OUR_VPCE } }),
    control: publicBucket({ StringEquals: { 'aws:SourceVpce': OUR_VPCE } }),
  },
  {
    name: 'a Deny the outsider escapes through their own endpoint (StringNotLike "vpce-*")',
    detector: 's3-bucket-policy-public',
    evasion: putBucketPolicy(
      doc(anyoneReads(undefined), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_OBJECTS,
        Condition: { StringNotLike: { 'aws:SourceVpce': 'vpce-*' } },
      }),
    ),
    control: putBucketPolicy(
      doc(anyoneReads(undefined), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_OBJECTS,
        Condition: { StringNotEquals: { 'aws:SourceVpce': OUR_VPCE } },
      }),
    ),
  },
  {
    name: 'an organisation perimeter Deny anonymous callers escape (ForAnyValue on an absent key)',
    detector: 's3-bucket-policy-public',
    evasion: putBucketPolicy(
      doc(anyoneReads(undefined), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_OBJECTS,
        Condition: orgIs('ForAnyValue:StringNotEquals', OUR_ORG),
      }),
    ),
    control: putBucketPolicy(
      doc(anyoneReads(undefined), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_OBJECTS,
        Condition: orgIs('StringNotEquals', OUR_ORG),
      }),
    ),
  },
  {
    name: 'public write through NotAction',
    detector: 's3-bucket-policy-public',
    severity: 'critical',
    evasion: putBucketPolicy(
      doc({
        Effect: 'Allow',
        Principal: { AWS: ['*'] },
        NotAction: 's3:DeleteBucket',
        Resource: BUCKET_OBJECTS,
      }),
    ),
    control: putBucketPolicy(
      doc({
        Effect: 'Allow',
        Principal: { AWS: ['*'] },
        NotAction: 's3:DeleteBucket',
        Resource: BUCKET_OBJECTS,
        Condition: orgIs('StringEquals', OUR_ORG),
      }),
    ),
  },
  {
    name: 'ArnLike aws:SourceArn "arn:aws:s3:::*" (any bucket, through a service)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }),
    control: publicBucket({
      StringEquals: {
        'AWS:SourceArn': `arn:aws:cloudfront::${ACCOUNT}:distribution/EDFDVBD6EXAMPLE`,
      },
    }),
  },
  {
    name: 'Null aws:PrincipalOrgID false (any organisation will do)',
    detector: 's3-bucket-policy-public',
    evasion: publicBucket({ Null: { 'aws:PrincipalOrgID': 'false' } }),
    control: publicBucket({
      Null: { 'aws:PrincipalOrgID': 'false' },
      StringEquals: { 'aws:PrincipalOrgID': OUR_ORG },
    }),
  },
  {
    name: 'policy logged as an object: StringNotEquals aws:PrincipalAccount (everyone but us)',
    detector: 's3-bucket-policy-public',
    evasion: putBucketPolicy(
      JSON.parse(doc(anyoneReads({ StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } }))),
    ),
    control: putBucketPolicy(
      JSON.parse(
        doc(anyoneReads({ StringEquals: { 'aws:PrincipalAccount': [ACCOUNT, SIBLING] } })),
      ),
    ),
  },
];

const partnerReads = (condition: unknown) =>
  putBucketPolicy(
    doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/replicator` },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [BUCKET_OBJECTS, 'arn:aws:s3:::customer-invoices'],
      Condition: condition,
    }),
  );

const s3External: Case[] = [
  {
    name: 'outside account "pinned" by ForAllValues:StringEquals aws:PrincipalOrgID',
    detector: 's3-bucket-policy-external-account',
    evasion: partnerReads(orgIs('ForAllValues:StringEquals', OUR_ORG)),
    control: partnerReads(orgIs('StringEquals', OUR_ORG)),
  },
  {
    name: 'outside account "pinned" by StringLike aws:PrincipalOrgID "o-*"',
    detector: 's3-bucket-policy-external-account',
    evasion: partnerReads(orgIs('StringLike', 'o-*')),
    control: partnerReads(orgIs('StringLike', OUR_ORG)),
  },
  {
    name: 'anyone in an organisation that is not ours',
    detector: 's3-bucket-policy-external-account',
    evasion: publicBucket(orgIs('StringEquals', THEIR_ORG)),
    control: publicBucket(orgIs('StringEquals', [OUR_ORG])),
  },
  {
    name: 'anyone whose role ARN is in an outside account',
    detector: 's3-bucket-policy-external-account',
    evasion: publicBucket({
      ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER_ACCOUNT}:role/*` },
    }),
    control: publicBucket({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${SIBLING}:role/*` } }),
  },
];

const anyoneUsesKey = (actions: string | string[], condition: unknown) => ({
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: actions,
  Resource: '*',
  Condition: condition,
});
const keyOwner = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};
const orgPerimeter = (actions: string) => ({
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: actions,
  Resource: '*',
  Condition: orgIs('StringNotEquals', OUR_ORG),
});

const kms: Case[] = [
  {
    name: 'NumericGreaterThanEquals kms:CallerAccount 0 (every account id)',
    detector: 'kms-key-policy-opened',
    severity: 'critical',
    evasion: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey('kms:Decrypt', { NumericGreaterThanEquals: { 'kms:CallerAccount': '0' } }),
      ),
    ),
    control: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey('kms:Decrypt', {
          StringEquals: {
            'kms:CallerAccount': ACCOUNT,
            'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
          },
        }),
      ),
    ),
  },
  {
    name: 'ArnLike aws:PrincipalArn "arn:aws:iam::*:role/Admin" (anyone can name a role Admin)',
    detector: 'kms-key-policy-opened',
    severity: 'critical',
    evasion: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey('kms:Decrypt', {
          ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' },
        }),
      ),
    ),
    control: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey('kms:Decrypt', {
          ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Admin` },
        }),
      ),
    ),
  },
  {
    name: 'an organisation perimeter Deny that leaves kms:Decrypt out',
    detector: 'kms-key-policy-opened',
    severity: 'critical',
    evasion: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey(['kms:Decrypt', 'kms:Encrypt'], undefined),
        orgPerimeter('kms:Encrypt'),
      ),
    ),
    control: putKeyPolicy(
      doc(
        keyOwner,
        anyoneUsesKey(['kms:Decrypt', 'kms:Encrypt'], undefined),
        orgPerimeter('kms:*'),
      ),
    ),
  },
];

const assume = (principal: unknown, condition?: unknown) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  Condition: condition,
});

const trust: Case[] = [
  {
    name: 'StringLike aws:userid "*:alice@example.com" (the session name is the caller\'s choice)',
    detector: 'iam-role-trust-policy-backdoor',
    severity: 'critical',
    evasion: updateAssumeRolePolicy(
      doc(assume({ AWS: '*' }, { StringLike: { 'aws:userid': '*:alice@example.com' } })),
    ),
    control: updateAssumeRolePolicy(
      doc(assume({ AWS: '*' }, { StringLike: { 'aws:userid': 'AROAOURROLEID12345678:*' } })),
    ),
  },
  {
    name: 'ForAllValues:StringLike aws:PrincipalOrgPaths (accounts outside any organisation pass)',
    detector: 'iam-role-trust-policy-backdoor',
    severity: 'critical',
    evasion: updateAssumeRolePolicy(
      doc(
        assume(
          { AWS: '*' },
          { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': `${OUR_ORG}/*` } },
        ),
      ),
    ),
    control: updateAssumeRolePolicy(
      doc(
        assume(
          { AWS: '*' },
          { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${OUR_ORG}/*` } },
        ),
      ),
    ),
  },
  {
    name: 'CreateRole with an organisation path list that also matches any organisation',
    detector: 'iam-role-trust-policy-backdoor',
    severity: 'critical',
    evasion: createRole(
      doc(
        assume(
          { AWS: '*' },
          { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${OUR_ORG}/*`, 'o-*/r-*/*'] } },
        ),
      ),
    ),
    control: createRole(
      doc(
        assume(
          { AWS: '*' },
          { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${OUR_ORG}/*`] } },
        ),
      ),
    ),
  },
  {
    name: 'outside account "pinned" by StringEqualsIfExists aws:PrincipalOrgID',
    detector: 'iam-role-trust-policy-backdoor',
    evasion: updateAssumeRolePolicy(
      doc(
        assume(
          { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          orgIs('StringEqualsIfExists', OUR_ORG),
        ),
      ),
    ),
    control: updateAssumeRolePolicy(
      doc(assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, orgIs('StringEquals', OUR_ORG))),
    ),
  },
];

const lambda: Case[] = [
  {
    name: 'Lambda permission for * limited to an organisation that is not ours',
    detector: 'lambda-permission-public-or-cross-account',
    evasion: addPermission({ principal: '*', principalOrgID: THEIR_ORG }),
    control: addPermission({ principal: '*', principalOrgID: OUR_ORG }),
  },
  {
    name: 'Lambda permission for SNS topics of any account (wildcard account in sourceArn)',
    detector: 'lambda-permission-public-or-cross-account',
    evasion: addPermission({
      principal: 'sns.amazonaws.com',
      sourceArn: 'arn:aws:sns:us-east-1:*:alerts',
    }),
    control: addPermission({ principal: 'sns.amazonaws.com', sourceArn: TOPIC }),
  },
];

const anyoneReadsSecret = (condition: unknown) => ({
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
  Condition: condition,
});
const tlsOnly = {
  Effect: 'Deny',
  Principal: '*',
  Action: 'secretsmanager:*',
  Resource: '*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

const secrets: Case[] = [
  {
    name: 'ForAllValues:StringEquals aws:PrincipalAccount (anonymous callers have none)',
    detector: 'secrets-policy-public',
    evasion: putSecretPolicy(
      doc(
        anyoneReadsSecret({ 'ForAllValues:StringEquals': { 'aws:PrincipalAccount': [ACCOUNT] } }),
      ),
    ),
    control: putSecretPolicy(
      doc(anyoneReadsSecret({ StringEquals: { 'aws:PrincipalAccount': [ACCOUNT] } })),
    ),
  },
  {
    name: 'StringLike aws:SourceVpce "vpce-*" on a secret',
    detector: 'secrets-policy-public',
    evasion: putSecretPolicy(
      doc(anyoneReadsSecret({ StringLike: { 'aws:SourceVpce': 'vpce-*' } })),
    ),
    control: putSecretPolicy(
      doc(anyoneReadsSecret({ StringEquals: { 'aws:SourceVpce': OUR_VPCE } })),
    ),
  },
  {
    name: 'a TLS-only Deny does not make a public grant private',
    detector: 'secrets-policy-public',
    evasion: putSecretPolicy(doc(anyoneReadsSecret(undefined), tlsOnly)),
    control: putSecretPolicy(
      doc(
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/payments-api` },
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
        },
        tlsOnly,
      ),
    ),
  },
];

const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`;
const anyoneSends = (condition: unknown) =>
  doc({
    Effect: 'Allow',
    Principal: '*',
    Action: 'sqs:SendMessage',
    Resource: QUEUE,
    Condition: condition,
  });
const quarters = ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'];

const otherResources: Case[] = [
  {
    name: 'SQS: ArnLike aws:SourceArn "arn:aws:sns:*:*:*" (any account\'s topic)',
    detector: 'resource-policy-made-public',
    evasion: setQueueAttributes(anyoneSends({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } })),
    control: setQueueAttributes(anyoneSends({ ArnEquals: { 'aws:SourceArn': TOPIC } })),
  },
  {
    name: 'SQS: aws:SourceIp as four /2 blocks',
    detector: 'resource-policy-made-public',
    evasion: setQueueAttributes(anyoneSends({ IpAddress: { 'aws:SourceIp': quarters } })),
    control: setQueueAttributes(anyoneSends({ IpAddress: { 'aws:SourceIp': ['10.20.0.0/16'] } })),
  },
  {
    name: 'SNS: StringEqualsIfExists AWS:SourceOwner (direct callers carry no source owner)',
    detector: 'resource-policy-made-public',
    evasion: setTopicAttributes(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Publish',
        Resource: TOPIC,
        Condition: { StringEqualsIfExists: { 'AWS:SourceOwner': ACCOUNT } },
      }),
    ),
    control: setTopicAttributes(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Publish',
        Resource: TOPIC,
        Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } },
      }),
    ),
  },
  {
    name: 'SNS: ForAllValues:StringEquals aws:SourceAccount',
    detector: 'resource-policy-made-public',
    evasion: setTopicAttributes(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Publish',
        Resource: TOPIC,
        Condition: { 'ForAllValues:StringEquals': { 'aws:SourceAccount': ACCOUNT } },
      }),
    ),
    control: setTopicAttributes(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Publish',
        Resource: TOPIC,
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      }),
    ),
  },
  {
    name: 'ECR: ForAllValues:StringEquals aws:PrincipalOrgID',
    detector: 'resource-policy-made-public',
    evasion: setRepositoryPolicy(
      doc({
        Sid: 'pull',
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: orgIs('ForAllValues:StringEquals', OUR_ORG),
      }),
    ),
    control: setRepositoryPolicy(
      doc({
        Sid: 'pull',
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: orgIs('StringEquals', OUR_ORG),
      }),
    ),
  },
  {
    name: 'OpenSearch: aws:SourceIp as four /2 blocks',
    detector: 'resource-policy-made-public',
    evasion: updateDomainConfig(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'es:*',
        Resource: `arn:aws:es:us-east-1:${ACCOUNT}:domain/logs/*`,
        Condition: { IpAddress: { 'aws:SourceIp': quarters } },
      }),
    ),
    control: updateDomainConfig(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'es:*',
        Resource: `arn:aws:es:us-east-1:${ACCOUNT}:domain/logs/*`,
        Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } },
      }),
    ),
  },
  {
    name: 'Glacier: ForAnyValue:StringLike aws:PrincipalOrgPaths "o-*/*"',
    detector: 'resource-policy-made-public',
    evasion: setVaultAccessPolicy(
      doc({
        Effect: 'Allow',
        Principal: '*',
        Action: 'glacier:InitiateJob',
        Resource: `arn:aws:glacier:us-east-1:${ACCOUNT}:vaults/archive`,
        Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*/*' } },
      }),
    ),
    control: setVaultAccessPolicy(
      doc({
        Effect: 'Allow',
        Principal: '*',
        Action: 'glacier:InitiateJob',
        Resource: `arn:aws:glacier:us-east-1:${ACCOUNT}:vaults/archive`,
        Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${OUR_ORG}/*` } },
      }),
    ),
  },
];

const allow = (grant: Record<string, unknown>) => ({ Effect: 'Allow', ...grant });
const powerUser = allow({ NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' });

const admin: Case[] = [
  {
    name: 'NotAction of one harmless action on Resource *',
    detector: 'iam-policy-grants-full-admin',
    evasion: putInlinePolicy(
      'PutRolePolicy',
      doc(allow({ NotAction: 'iam:DeleteAccountPasswordPolicy', Resource: '*' })),
    ),
    control: putInlinePolicy('PutRolePolicy', doc(powerUser)),
  },
  {
    name: 'Action * on Resource arn:aws:*:*:*:*',
    detector: 'iam-policy-grants-full-admin',
    evasion: putInlinePolicy(
      'PutUserPolicy',
      doc(allow({ Action: '*', Resource: 'arn:aws:*:*:*:*' })),
    ),
    control: putInlinePolicy(
      'PutUserPolicy',
      doc(allow({ Action: '*', Resource: 'arn:aws:s3:::team-bucket/*' })),
    ),
  },
  {
    name: 'Action * with NotResource',
    detector: 'iam-policy-grants-full-admin',
    evasion: createPolicyVersion(
      doc(allow({ Action: '*', NotResource: 'arn:aws:s3:::payroll/*' })),
    ),
    control: createPolicyVersion(
      doc(allow({ Action: 's3:*', NotResource: 'arn:aws:s3:::payroll/*' })),
    ),
  },
  {
    name: 'Action "**" on Resource arn:*:*:*:*:*',
    detector: 'iam-policy-grants-full-admin',
    evasion: putInlinePolicy(
      'PutGroupPolicy',
      doc(allow({ Action: '**', Resource: 'arn:*:*:*:*:*' })),
    ),
    control: putInlinePolicy('PutGroupPolicy', doc(allow({ Action: 'ec2:*', Resource: '*' }))),
  },
  {
    name: 'URL-encoded NotAction document',
    detector: 'iam-policy-grants-full-admin',
    evasion: putInlinePolicy(
      'PutRolePolicy',
      encodeURIComponent(doc(allow({ NotAction: ['aws-portal:*'], Resource: ['*'] }))),
    ),
    control: putInlinePolicy('PutRolePolicy', encodeURIComponent(doc(powerUser))),
  },
  {
    name: 'a conditional Deny on IAM does not take administration away',
    detector: 'iam-policy-grants-full-admin',
    evasion: putInlinePolicy(
      'PutUserPolicy',
      doc(allow({ Action: '*', Resource: '*' }), {
        Effect: 'Deny',
        Action: 'iam:*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    ),
    control: putInlinePolicy(
      'PutUserPolicy',
      doc(allow({ Action: '*', Resource: '*' }), {
        Effect: 'Deny',
        Action: 'iam:*',
        Resource: '*',
      }),
    ),
  },
  {
    name: 'Identity Center inline policy: NotAction of one read action',
    detector: 'identity-center-admin-permission-set',
    evasion: putInlinePolicyToPermissionSet(
      doc(allow({ NotAction: 's3:GetObject', Resource: '*' })),
    ),
    control: putInlinePolicyToPermissionSet(doc(allow({ Action: 's3:*', Resource: '*' }))),
  },
];

const CASES: Case[] = [
  ...s3Public,
  ...s3External,
  ...kms,
  ...trust,
  ...lambda,
  ...secrets,
  ...otherResources,
  ...admin,
];

const ids = (found: readonly Finding[]) => found.map((f) => f.detector.id);

describe('Evasion: policies judged by what they allow', () => {
  it('has at least 35 cases, each with a near-miss control', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const raised = findings(c.evasion).filter((f) => f.detector.id === c.detector);
    expect(raised.length, `${c.detector} on the evasion`).toBeGreaterThan(0);
    if (c.severity) expect(raised[0]?.severity).toBe(c.severity);

    const quiet = ids(findings(c.control)).filter((id) => POLICY_DETECTORS.has(id));
    expect(quiet, 'policy detectors on the near-miss control').toEqual([]);
  });
});

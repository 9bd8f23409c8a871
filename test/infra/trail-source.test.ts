import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOWER_CONTEXT, resourcesOf, roleStatements, synth } from './support.js';

describe('TrailSource: a new trail', () => {
  const template = synth();

  it('creates a multi-region trail with log file validation, encrypted with its own key', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      IsOrganizationTrail: false,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailSourceKey'), 'Arn'] },
      EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
    });
  });

  it('writes to a versioned, private, KMS-encrypted bucket with access logging', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: { 'Fn::Join': ['', Match.arrayWith(['trailwatch-cloudtrail-'])] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }),
          }),
        ],
      },
      LoggingConfiguration: Match.objectLike({
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogs') },
        LogFilePrefix: 's3-access-logs/',
      }),
    });
  });

  it('denies non-TLS access to the trail bucket', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^TrailSourceBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('lets only this trail use the key, and rotates it', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Condition: Match.objectLike({
              StringEquals: {
                'aws:SourceArn': {
                  'Fn::Join': ['', Match.arrayWith([':trail/trailwatch'])],
                },
              },
            }),
          }),
        ]),
      },
    });
  });

  it('notifies the ingest queue of new log files only, after the queue policy exists', () => {
    // Prepare
    const bucket = Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('TrailSourceBucket'),
    )?.[1];
    const queuePolicies = Object.entries(resourcesOf(template, 'AWS::SQS::QueuePolicy'));
    const s3QueuePolicy = queuePolicies.find(([, p]) =>
      JSON.stringify(p.Properties).includes('s3.amazonaws.com'),
    );

    // Assess
    expect(bucket?.Properties?.NotificationConfiguration).toEqual({
      QueueConfigurations: [
        {
          Event: 's3:ObjectCreated:*',
          Filter: {
            S3Key: {
              Rules: [
                { Name: 'prefix', Value: 'AWSLogs/' },
                { Name: 'suffix', Value: '.json.gz' },
              ],
            },
          },
          Queue: { 'Fn::GetAtt': [expect.stringMatching(/^IngestQueue/), 'Arn'] },
        },
      ],
    });
    expect(bucket?.DependsOn).toContain(s3QueuePolicy?.[0]);
  });

  it('keeps the trail bucket, its key and the access logs when the stack is deleted', () => {
    const retained = (type: string, prefix: string) =>
      Object.entries(template.findResources(type))
        .filter(([id]) => id.startsWith(prefix))
        .map(([, r]) => r.DeletionPolicy);

    expect(retained('AWS::S3::Bucket', 'TrailSourceBucket')).toEqual(['Retain']);
    expect(retained('AWS::KMS::Key', 'TrailSourceKey')).toEqual(['Retain']);
    expect(retained('AWS::S3::Bucket', 'AccessLogs')).toEqual(['Retain']);
    expect(retained('AWS::KMS::Key', 'AlertTopicsKey')).toEqual(['Delete']);
  });

  it('adds no custom resource to configure notifications', () => {
    template.resourceCountIs('Custom::S3BucketNotifications', 0);
    // Only the three detector functions: no CDK notifications handler.
    expect(Object.keys(resourcesOf(template, 'AWS::Lambda::Function'))).toHaveLength(3);
  });

  const orgTemplate = synth({ organizationId: 'o-a1b2c3d4e5' });
  const namedTemplate = synth({ newTrailBucketName: 'acme-audit-trail' });

  it('creates an organization trail when an organization id is given', () => {
    orgTemplate.hasResourceProperties('AWS::CloudTrail::Trail', { IsOrganizationTrail: true });
    orgTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', Match.arrayWith(['/AWSLogs/o-a1b2c3d4e5/*'])] },
          }),
        ]),
      },
    });
  });

  it('uses the bucket name given in newTrailBucketName', () => {
    namedTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'acme-audit-trail',
    });
  });
});

describe('TrailSource: an existing bucket', () => {
  const template = synth(CONTROL_TOWER_CONTEXT);

  it('creates no trail, trail bucket or trail key', () => {
    template.resourceCountIs('AWS::CloudTrail::Trail', 0);
    // The access-log bucket and the Athena results bucket remain; only the access-log
    // bucket, the stack's own, notifies the queue (test/infra/access-logs.test.ts).
    const buckets = Object.entries(resourcesOf(template, 'AWS::S3::Bucket'));
    expect(buckets.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AccessLogs',
      'AthenaResultsBucket',
    ]);
    const notifying = buckets.filter(([, b]) => b.Properties?.NotificationConfiguration);
    expect(notifying.map(([id]) => id)).toEqual([expect.stringMatching(/^AccessLogs/)]);
  });

  it('accepts notifications from that bucket and its owner only', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: {
              ArnEquals: {
                'aws:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':s3:::aws-controltower-logs-111122223333-eu-west-1',
                    ],
                  ],
                },
              },
              StringEquals: { 'aws:SourceAccount': '111122223333' },
            },
          }),
        ]),
      },
    });
  });

  it('reads logs under the trail prefix and decrypts with the given key', () => {
    const statements = roleStatements(template, 'DetectorsIngestRole');

    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':s3:::aws-controltower-logs-111122223333-eu-west-1/o-a1b2c3d4e5/AWSLogs/*',
            ],
          ],
        },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'kms:Decrypt',
        Resource: CONTROL_TOWER_CONTEXT.existingTrailKmsKeyArn,
      }),
    );
  });

  it('outputs the queue to point the bucket at and the role to grant access to', () => {
    template.hasOutput('IngestQueueArn', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueue'), 'Arn'] },
      Description: Match.stringLikeRegexp('notifications .* here'),
    });
    template.hasOutput('IngestRoleArn', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DetectorsIngestRole'), 'Arn'] },
    });
  });
});

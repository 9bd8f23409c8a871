import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOWER_CONTEXT, resourcesOf, roleStatements, synth } from './support.js';

const ACCESS_LOGS_ID = /^AccessLogs[0-9A-F]{8}$/;
const PREFIX = 's3-access-logs/';

/** The access-log bucket's name as synthesized: `trailwatch-access-logs-<stack UUID>`. */
const ACCESS_LOGS_NAME = {
  'Fn::Join': [
    '',
    [
      'trailwatch-access-logs-',
      { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] },
    ],
  ],
};
/** Its ARN as the stack writes it (from the name, never a reference to the bucket). */
const accessLogsArn = (suffix = '') => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':s3:::trailwatch-access-logs-',
      { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] },
      ...(suffix ? [suffix] : []),
    ],
  ],
});

function accessLogsBucket(template: Template) {
  const entry = Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).find(([id]) =>
    ACCESS_LOGS_ID.test(id),
  );
  if (entry === undefined) throw new Error('no access-log bucket');
  return { id: entry[0], bucket: entry[1] };
}

/** The statements of the ingest queue's policy that let S3 send. */
function s3SendStatements(template: Template) {
  const policies = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy')).filter((p) =>
    JSON.stringify(p.Properties?.Queues).includes('"IngestQueueE'),
  );
  return policies.flatMap((p) =>
    ((p.Properties?.PolicyDocument.Statement ?? []) as Record<string, unknown>[]).filter(
      (s) => JSON.stringify(s.Principal) === '{"Service":"s3.amazonaws.com"}',
    ),
  );
}

const modes = [
  ['a new trail', {}],
  ['an existing trail bucket', CONTROL_TOWER_CONTEXT],
] as const;

describe.each(modes)('S3 server access logs to the ingest queue, with %s', (_mode, context) => {
  const template = synth(context);
  const { id: bucketId, bucket } = accessLogsBucket(template);

  it('names the access-log bucket after the stack, without a reference the queue policy would need', () => {
    // 23 characters and the stack id's 36-character UUID: within S3's 63.
    expect(bucket.Properties?.BucketName).toEqual(ACCESS_LOGS_NAME);
  });

  it('lets the access-log bucket send, from this account only, beside the trail bucket', () => {
    const statements = s3SendStatements(template);

    expect(statements.map((s) => s.Sid)).toEqual([
      'AllowTrailBucketNotifications',
      'AllowAccessLogBucketNotifications',
    ]);
    for (const statement of statements) {
      expect(statement.Action).toBe('sqs:SendMessage');
      expect(Object.keys(statement.Condition as object).sort()).toEqual([
        'ArnEquals',
        'StringEquals',
      ]);
    }
    expect(statements[1]?.Condition).toEqual({
      ArnEquals: { 'aws:SourceArn': accessLogsArn() },
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
    });
  });

  it('keeps the queue policy free of references to the bucket that depends on it', () => {
    const policy = JSON.stringify(s3SendStatements(template));

    expect(policy).not.toContain(bucketId);
  });

  it('notifies the ingest queue of new objects under the access-log prefix, after the queue policy exists', () => {
    const queuePolicyId = Object.entries(resourcesOf(template, 'AWS::SQS::QueuePolicy')).find(
      ([, p]) => JSON.stringify(p.Properties).includes('AllowAccessLogBucketNotifications'),
    )?.[0];

    expect(bucket.Properties?.NotificationConfiguration).toEqual({
      QueueConfigurations: [
        {
          Event: 's3:ObjectCreated:*',
          Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: PREFIX }] } },
          Queue: { 'Fn::GetAtt': [expect.stringMatching(/^IngestQueue[0-9A-F]{8}$/), 'Arn'] },
        },
      ],
    });
    expect(queuePolicyId).toBeDefined();
    expect(bucket.DependsOn).toContain(queuePolicyId);
  });

  it('has every bucket the stack logs write partitioned keys under the notified prefix', () => {
    const logging = Object.values(resourcesOf(template, 'AWS::S3::Bucket'))
      .map((b) => b.Properties?.LoggingConfiguration)
      .filter((config) => config !== undefined);

    expect(logging).toHaveLength(context === CONTROL_TOWER_CONTEXT ? 1 : 2);
    for (const config of logging) {
      expect(config).toEqual({
        DestinationBucketName: { Ref: bucketId },
        LogFilePrefix: PREFIX,
        TargetObjectKeyFormat: { PartitionedPrefix: { PartitionDateSource: 'EventTime' } },
      });
    }
  });

  it('lets the ingest function read the access-log objects under the prefix, and nothing more of the bucket', () => {
    const statements = roleStatements(template, 'DetectorsIngestRole');
    const touching = statements.filter((s) =>
      JSON.stringify(s.Resource).includes('trailwatch-access-logs-'),
    );

    expect(touching).toEqual([
      {
        Sid: 'ReadAccessLogObjects',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: accessLogsArn(`/${PREFIX}*`),
      },
    ]);
    // Near-miss: the whole bucket (`…/*`) or the bucket itself would be broader than needed.
    expect(JSON.stringify(statements)).not.toContain(JSON.stringify(accessLogsArn('/*')));
    expect(JSON.stringify(statements)).not.toContain(JSON.stringify(accessLogsArn()));
  });
});

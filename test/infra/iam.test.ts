import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AnyPrincipal, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { grantsOf, iamViolations } from './iam-rules.js';
import { CONTROL_TOWER_CONTEXT, resourcesOf, roleStatements, synth } from './support.js';

const ref = (prefix: string) =>
  expect.stringMatching(new RegExp(`"(Ref|Fn::GetAtt)":\\[?"${prefix}`));

describe('IAM: the rules checker', () => {
  it('catches a wildcard action, a wildcard resource and an open resource policy', () => {
    // Prepare: the mistakes the rule exists for.
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Bad');
    const role = new Role(stack, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    const queue = new Queue(stack, 'Queue');
    queue.addToResourcePolicy(
      new PolicyStatement({
        principals: [new AnyPrincipal()],
        actions: ['sqs:SendMessage'],
        resources: [queue.queueArn],
      }),
    );

    // Act
    const violations = iamViolations(Template.fromStack(stack));

    // Assess
    expect(violations).toEqual([
      expect.stringMatching(/Action s3:\*$/),
      expect.stringMatching(/Resource \*$/),
      expect.stringMatching(/Principal AWS \*$/),
    ]);
  });

  it('lets only the CloudWatch metric reads name Resource *, and only alone', () => {
    // Prepare: the allowed reads, then the same with one more action, then another read.
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Metrics');
    const role = new Role(stack, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    const wildcard = (sid: string, actions: string[]) =>
      role.addToPrincipalPolicy(new PolicyStatement({ sid, actions, resources: ['*'] }));
    wildcard('Reads', ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricData']);
    wildcard('ReadsAndMore', ['cloudwatch:GetMetricData', 'cloudwatch:PutMetricData']);
    wildcard('OtherRead', ['cloudwatch:GetMetricStatistics']);

    // Act
    const violations = iamViolations(Template.fromStack(stack));

    // Assess
    expect(violations).toEqual([
      expect.stringMatching(/ReadsAndMore: Resource \*$/),
      expect.stringMatching(/OtherRead: Resource \*$/),
    ]);
  });
});

describe('IAM: the trailwatch stack', () => {
  const template = synth();
  const imported = synth(CONTROL_TOWER_CONTEXT);
  const schedulerRoleId = Object.keys(resourcesOf(template, 'AWS::IAM::Role')).find((id) =>
    id.startsWith('DetectorsMetricsSchedulerRole'),
  );

  it('grants no wildcard action or resource anywhere, whatever the trail source', () => {
    expect(iamViolations(template)).toEqual([]);
    expect(iamViolations(imported)).toEqual([]);
  });

  it('gives each function its own role, trusted by Lambda only, with no managed policy', () => {
    const roles = Object.entries(resourcesOf(template, 'AWS::IAM::Role'))
      .filter(([id]) => id !== schedulerRoleId)
      .map(([, role]) => role);

    expect(roles).toHaveLength(3);
    for (const role of roles) {
      expect(role.Properties?.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
        },
      ]);
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets the ingest function do exactly what its handler does, on its resources', () => {
    const grants = grantsOf(roleStatements(template, 'DetectorsIngestRole'));

    expect(Object.keys(grants).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:GetObjectVersion',
      'sns:Publish',
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    expect(grants['logs:PutLogEvents']).toEqual([ref('DetectorsIngestLogGroup')]);
    expect(grants['sqs:ReceiveMessage']).toEqual([ref('IngestQueue[0-9A-F]{8}"')]);
    expect(grants['s3:GetObject']).toEqual([
      expect.stringContaining('/s3-access-logs/*'),
      expect.stringContaining('/AWSLogs/*'),
    ]);
    // The trail bucket is versioned, the access-log bucket is not.
    expect(grants['s3:GetObjectVersion']).toEqual([expect.stringContaining('/AWSLogs/*')]);
    expect(grants['kms:Decrypt']?.sort()).toEqual(
      [ref('AlertTopicsKey'), ref('TrailSourceKey')].sort(),
    );
    expect(grants['sns:Publish']).toEqual([ref('AlertTopicsRoutine'), ref('AlertTopicsUrgent')]);
    expect(grants['dynamodb:UpdateItem']).toEqual([ref('StateTable')]);
  });

  it('lets the fast-path function publish, keep state and dead-letter, but not read the bucket', () => {
    const grants = grantsOf(roleStatements(template, 'DetectorsFastPathRole'));

    expect(Object.keys(grants).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sns:Publish',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
    expect(grants['sqs:SendMessage']).toEqual([ref('DetectorsFastPathDeadLetterQueue')]);
    expect(grants['kms:Decrypt']).toEqual([ref('AlertTopicsKey')]);
    expect(grants['logs:PutLogEvents']).toEqual([ref('DetectorsFastPathLogGroup')]);
  });

  it('lets the spike detector read Lambda metrics (on *, the one wildcard), publish and keep state', () => {
    const statements = roleStatements(template, 'DetectorsMetricsFunctionRole');
    const grants = grantsOf(statements);

    expect(Object.keys(grants).sort()).toEqual([
      'cloudwatch:GetMetricData',
      'cloudwatch:ListMetrics',
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sns:Publish',
    ]);
    const wildcards = statements.filter((s) => JSON.stringify(s.Resource).includes('"*"'));
    expect(wildcards).toEqual([
      {
        Sid: 'ReadLambdaMetrics',
        Effect: 'Allow',
        Action: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
        Resource: '*',
      },
    ]);
    expect(grants['sns:Publish']).toEqual([ref('AlertTopicsRoutine'), ref('AlertTopicsUrgent')]);
    expect(grants['kms:Decrypt']).toEqual([ref('AlertTopicsKey')]);
    expect(grants['dynamodb:UpdateItem']).toEqual([ref('StateTable')]);
    expect(grants['logs:PutLogEvents']).toEqual([ref('DetectorsMetricsFunctionLogGroup')]);
  });

  it('lets EventBridge Scheduler, for this account only, invoke the spike detector and nothing else', () => {
    const role = resourcesOf(template, 'AWS::IAM::Role')[schedulerRoleId ?? ''];

    expect(role?.Properties?.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }),
          },
        },
      },
    ]);
    expect(grantsOf(roleStatements(template, 'DetectorsMetricsSchedulerRole'))).toEqual({
      'lambda:InvokeFunction': [
        expect.stringMatching(/^\{"Fn::GetAtt":\["DetectorsMetricsFunction[0-9A-F]{8}","Arn"\]\}$/),
      ],
    });
  });

  it('never lets a detector publish to the ops topic', () => {
    for (const role of [
      'DetectorsIngestRole',
      'DetectorsFastPathRole',
      'DetectorsMetricsFunctionRole',
    ]) {
      expect(JSON.stringify(roleStatements(template, role))).not.toContain('HealthOpsTopic');
    }
  });
});

import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/orders`;
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`;
const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`;

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });

/** SetQueueAttributes as CloudTrail logs it: the policy is a JSON string attribute. */
const setQueuePolicy = (statement: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'sqs.amazonaws.com',
    eventName: 'SetQueueAttributes',
    userAgent: 'console.amazonaws.com',
    requestParameters: {
      queueUrl: QUEUE_URL,
      attributes: { Policy: policy({ Resource: QUEUE_ARN, ...statement }) },
    },
  });

const publicQueue = setQueuePolicy({ Principal: '*', Action: 'SQS:SendMessage' });

const setTopicPolicy = (statement: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'sns.amazonaws.com',
    eventName: 'SetTopicAttributes',
    requestParameters: {
      topicArn: TOPIC_ARN,
      attributeName: 'Policy',
      attributeValue: policy({ Resource: TOPIC_ARN, ...statement }),
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may send to a queue', events: [publicQueue] },
    {
      name: 'anyone may pull from an ECR repository',
      events: [
        cloudTrailEvent({
          eventSource: 'ecr.amazonaws.com',
          eventName: 'SetRepositoryPolicy',
          requestParameters: {
            repositoryName: 'payments-api',
            policyText: policy({
              Sid: 'public-pull',
              Principal: { AWS: '*' },
              Action: ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
            }),
          },
          responseElements: { registryId: ACCOUNT, repositoryName: 'payments-api' },
        }),
      ],
    },
    {
      name: 'CodeBuild project made public',
      events: [
        cloudTrailEvent({
          eventSource: 'codebuild.amazonaws.com',
          eventName: 'UpdateProjectVisibility',
          requestParameters: {
            projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/release`,
            projectVisibility: 'PUBLIC_READ',
            resourceAccessRole: `arn:aws:iam::${ACCOUNT}:role/service-role/public-build`,
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'queue open to one SNS topic by source ARN',
      events: [
        setQueuePolicy({
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': TOPIC_ARN } },
        }),
      ],
    },
    {
      name: 'the default SNS topic policy (pinned to the owner)',
      events: [
        setTopicPolicy({
          Sid: '__default_statement_ID',
          Principal: { AWS: '*' },
          Action: ['SNS:Publish', 'SNS:Subscribe', 'SNS:GetTopicAttributes'],
          Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } },
        }),
      ],
    },
    {
      name: 'queue attribute other than the policy',
      events: [
        cloudTrailEvent({
          eventSource: 'sqs.amazonaws.com',
          eventName: 'SetQueueAttributes',
          requestParameters: { queueUrl: QUEUE_URL, attributes: { VisibilityTimeout: '100' } },
        }),
      ],
    },
    { name: 'failed call', events: [failed(publicQueue)] },
  ],
};

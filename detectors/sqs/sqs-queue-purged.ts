import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** Every message in an SQS queue deleted at once. */
export const sqsQueuePurged: Detector = {
  id: 'sqs-queue-purged',
  title: 'SQS queue purged',
  severity: 'medium',
  description:
    'PurgeQueue succeeded: every message in the queue is deleted within a minute and cannot ' +
    'be recovered. Work in flight (orders, jobs, and for trailwatch the S3 notifications of ' +
    'new log files) is lost without an error anywhere. Calls through service-linked roles ' +
    'are ignored. Benign causes: clearing test queues, recovering from a poison-message ' +
    'flood, emptying a dead-letter queue after replay.',
  attack: ['T1485'],
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/logging-using-cloudtrail.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sqs.amazonaws.com', eventNames: ['PurgeQueue'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const queue = requestField(event, 'queueUrl', 'QueueUrl') ?? 'unknown queue';
    return {
      summary: `${principalOf(event)} purged SQS queue ${queue}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|PurgeQueue|${queue}`,
      resources: [queue],
    };
  },
};

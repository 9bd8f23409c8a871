import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { resourcesOf, synth } from './support.js';

describe('IngestQueue', () => {
  const template = synth();
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const ingestId = Object.keys(queues).find((id) => /^IngestQueue[0-9A-F]{8}$/.test(id));
  const ingest = ingestId === undefined ? undefined : queues[ingestId];

  it('keeps a message invisible for at least 6 × the ingest function timeout', () => {
    // Prepare
    const ingestFunction = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find(
      (fn) => String(fn.Properties?.Description).includes('log file'),
    );
    const timeout = Number(ingestFunction?.Properties?.Timeout);

    // Assess
    expect(timeout).toBeGreaterThan(0);
    expect(Number(ingest?.Properties?.VisibilityTimeout)).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('moves a message to its dead-letter queue after 5 receives', () => {
    expect(ingest?.Properties?.RedrivePolicy).toEqual({
      deadLetterTargetArn: {
        'Fn::GetAtt': [expect.stringMatching(/^IngestQueueDeadLetterQueue/), 'Arn'],
      },
      maxReceiveCount: 5,
    });
  });

  it('keeps dead letters longer than the source queue keeps messages', () => {
    const dlq = Object.entries(queues).find(([id]) =>
      id.startsWith('IngestQueueDeadLetterQueue'),
    )?.[1];

    expect(Number(dlq?.Properties?.MessageRetentionPeriod)).toBeGreaterThan(
      Number(ingest?.Properties?.MessageRetentionPeriod),
    );
  });

  it('encrypts every queue and denies non-TLS access to each', () => {
    for (const queue of Object.values(queues)) {
      expect(queue.Properties?.SqsManagedSseEnabled).toBe(true);
    }
    const tlsDenials = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy')).filter((p) =>
      JSON.stringify(p.Properties).includes('"aws:SecureTransport":"false"'),
    );
    expect(tlsDenials).toHaveLength(Object.keys(queues).length);
  });

  it('feeds the ingest function with partial batch responses', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [ingestId, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: Match.anyValue(),
    });
  });
});

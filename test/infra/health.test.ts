import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HEALTH } from '../../infra/lib/defaults.js';
import { onlyResource, resourcesOf, synth } from './support.js';

type AlarmProps = {
  MetricName: string;
  Namespace: string;
  Dimensions: { Name: string; Value: unknown }[];
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
  AlarmDescription: string;
};

describe('Health', () => {
  const template = synth({
    opsSubscriptions: [{ protocol: 'email', endpoint: 'ops@example.com' }],
  });
  const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(
    (alarm) => alarm.Properties as AlarmProps,
  );
  const watching = (metric: string, dimensionPrefix: string) =>
    alarms.filter(
      (a) =>
        a.MetricName === metric &&
        JSON.stringify(a.Dimensions).match(
          new RegExp(`"(Ref|Fn::GetAtt)":\\[?"${dimensionPrefix}`),
        ),
    );

  it('alarms on any message in each dead-letter queue', () => {
    for (const dlq of [
      'IngestQueueDeadLetterQueue',
      'DetectorsFastPathDeadLetterQueue',
      'AlertTopicsDeliveryDeadLetterQueue',
    ]) {
      const [alarm, ...others] = watching('ApproximateNumberOfMessagesVisible', dlq);
      expect(others).toEqual([]);
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('alarms on errors and throttles of each function', () => {
    for (const fn of ['DetectorsIngest', 'DetectorsFastPath', 'DetectorsMetricsFunction']) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = watching(metric, `${fn}[0-9A-F]{8}"`);
        expect(found, `${metric} of ${fn}`).toHaveLength(1);
        expect(found[0]?.Namespace).toBe('AWS/Lambda');
      }
    }
  });

  it('says what a failed spike-detector run means: functions CloudWatch could not answer for', () => {
    const [errors] = watching('Errors', 'DetectorsMetricsFunction[0-9A-F]{8}"');

    expect(errors).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: expect.stringMatching(/^HealthOpsTopic/) }],
    });
    expect(errors?.AlarmDescription).toMatch(/CloudWatch could not answer/);
    expect(errors?.AlarmDescription).not.toMatch(/dead-letter/);
  });

  it('alarms when the oldest ingest message is too old', () => {
    const [alarm] = watching('ApproximateAgeOfOldestMessage', 'IngestQueue[0-9A-F]{8}"');

    expect(alarm?.Threshold).toBe(HEALTH.maxMessageAge.toSeconds());
  });

  it('alarms when no log file arrives for an hour, counting no data as silence', () => {
    const [alarm] = watching('NumberOfMessagesSent', 'IngestQueue[0-9A-F]{8}"');

    expect(alarm).toMatchObject({
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
  });

  it('notifies the ops topic, never an alert topic, when an alarm fires and clears', () => {
    expect(alarms).toHaveLength(11);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^HealthOpsTopic/) }]);
      expect(alarm.OKActions).toEqual(alarm.AlarmActions);
      expect(alarm.AlarmDescription.length).toBeGreaterThan(40);
    }
  });

  it('encrypts the ops topic with a key CloudWatch alarms of this account may use', () => {
    const topics = resourcesOf(template, 'AWS::SNS::Topic');
    const ops = Object.entries(topics).find(([id]) => id.startsWith('HealthOpsTopic'))?.[1];
    expect(ops?.Properties?.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^HealthOpsTopicKey/), 'Arn'],
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: Match.objectLike({
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            }),
          }),
        ]),
      },
    });
  });

  it('subscribes the ops endpoints to the ops topic only', () => {
    const subscriptions = Object.values(resourcesOf(template, 'AWS::SNS::Subscription'));

    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.Properties).toMatchObject({
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: expect.stringMatching(/^HealthOpsTopic/) },
    });
  });

  it('draws one dashboard with every alarm on it', () => {
    const dashboard = onlyResource(template, 'AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties?.DashboardBody);

    for (const title of [
      'Pipeline health',
      'Ingest queue',
      'Dead-letter queues',
      'Alerts published',
    ]) {
      expect(body).toContain(title);
    }
    expect(
      body.match(/HealthIngestDeadLetters|HealthTrailSilent|HealthFastPathErrors/g)?.length,
    ).toBeGreaterThanOrEqual(3);
  });
});

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

  describe('TrailSilent', () => {
    const filters = Object.values(resourcesOf(template, 'AWS::Logs::MetricFilter'));
    const trailSilent = Object.entries(resourcesOf(template, 'AWS::CloudWatch::Alarm')).find(
      ([id]) => id.startsWith('HealthTrailSilent'),
    )?.[1].Properties as AlarmProps & { Period: number; Statistic: string };

    it('counts CloudTrail files from the ingest logs: "object processed" lines with events', () => {
      const onIngest = filters.filter((f) =>
        /^DetectorsIngestLogGroup/.test(f.Properties?.LogGroupName.Ref),
      );
      expect(onIngest).toHaveLength(1);
      expect(onIngest[0]?.Properties).toEqual({
        LogGroupName: { Ref: expect.stringMatching(/^DetectorsIngestLogGroup/) },
        FilterPattern: '{ ($.message = "object processed") && ($.events > 0) }',
        MetricTransformations: [
          {
            MetricNamespace: 'Trailwatch/Trailwatch',
            MetricName: 'CloudTrailFilesProcessed',
            MetricValue: '1',
          },
        ],
      });
    });

    it('alarms when no CloudTrail file was ingested for an hour, counting no data as silence', () => {
      expect(trailSilent).toMatchObject({
        Namespace: 'Trailwatch/Trailwatch',
        MetricName: 'CloudTrailFilesProcessed',
        Statistic: 'Sum',
        Period: HEALTH.silence.toSeconds(),
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        TreatMissingData: 'breaching',
      });
    });

    it('no longer counts ingest queue messages, which access-log notifications keep coming', () => {
      expect(watching('NumberOfMessagesSent', 'IngestQueue[0-9A-F]{8}"')).toEqual([]);
      expect(trailSilent.Namespace).not.toBe('AWS/SQS');
    });

    it("keeps each stack's count apart: the namespace names the stack", () => {
      const other = synth({ stackName: 'TrailwatchStaging' });
      const namespaces = Object.values(resourcesOf(other, 'AWS::Logs::MetricFilter')).map(
        (filter) => filter.Properties?.MetricTransformations[0].MetricNamespace,
      );

      expect(namespaces).toEqual(['Trailwatch/TrailwatchStaging', 'Trailwatch/TrailwatchStaging']);
    });
  });

  describe('FastPathRejectedEvents', () => {
    const filters = Object.values(resourcesOf(template, 'AWS::Logs::MetricFilter'));
    const alarm = Object.entries(resourcesOf(template, 'AWS::CloudWatch::Alarm')).find(([id]) =>
      id.startsWith('HealthFastPathRejectedEvents'),
    )?.[1].Properties as AlarmProps & { Period: number; Statistic: string };

    it('counts the "event rejected" lines of the fast-path logs', () => {
      const onFastPath = filters.filter((f) =>
        /^DetectorsFastPathLogGroup/.test(f.Properties?.LogGroupName.Ref),
      );
      expect(onFastPath.map((f) => f.Properties)).toEqual([
        {
          LogGroupName: { Ref: expect.stringMatching(/^DetectorsFastPathLogGroup/) },
          FilterPattern: '{ $.message = "event rejected" }',
          MetricTransformations: [
            {
              MetricNamespace: 'Trailwatch/Trailwatch',
              MetricName: 'FastPathEventsRejected',
              MetricValue: '1',
            },
          ],
        },
      ]);
    });

    it('alarms on the first rejected event, and says what to look for', () => {
      expect(alarm).toMatchObject({
        Namespace: 'Trailwatch/Trailwatch',
        MetricName: 'FastPathEventsRejected',
        Statistic: 'Sum',
        Period: HEALTH.period.toSeconds(),
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: expect.stringMatching(/^HealthOpsTopic/) }],
      });
      expect(alarm.AlarmDescription).toMatch(/events:PutEvents/);
    });
  });

  it('notifies the ops topic, never an alert topic, when an alarm fires and clears', () => {
    expect(alarms).toHaveLength(12);
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
      'CloudTrail files ingested',
      'events rejected (not from AWS)',
    ]) {
      expect(body).toContain(title);
    }
    expect(
      body.match(/HealthIngestDeadLetters|HealthTrailSilent|HealthFastPathErrors/g)?.length,
    ).toBeGreaterThanOrEqual(3);
  });
});

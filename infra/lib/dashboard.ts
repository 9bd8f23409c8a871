import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  Metric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IRule } from 'aws-cdk-lib/aws-events';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CloudTrailFilesMetric } from './cloudtrail-files-metric.js';
import { HEALTH } from './defaults.js';
import type { WatchedPipeline } from './health-alarms.js';
import type { RejectedEventsMetric } from './rejected-events-metric.js';

/** Props of {@link PipelineDashboard}. */
export interface PipelineDashboardProps extends WatchedPipeline {
  readonly fastPathRule: IRule;
  readonly alertTopics: readonly ITopic[];
  readonly alarms: readonly IAlarm[];
  /** CloudTrail files ingested: what `TrailSilent` watches. */
  readonly cloudTrailFiles: CloudTrailFilesMetric;
  /** Fast-path events refused as not from an AWS service: what `FastPathRejectedEvents` watches. */
  readonly rejectedEvents: RejectedEventsMetric;
}

/**
 * One CloudWatch dashboard of the flow, left to right: alarm states, the ingest queue,
 * dead-letter queues, the detector functions, the fast-path rule, alerts published.
 */
export class PipelineDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    const period = HEALTH.period;
    const functions: [string, IFunction][] = [
      ['ingest', props.ingestFunction],
      ['fast path', props.fastPathFunction],
      ['invocation spikes', props.metricsFunction],
    ];
    const perFunction = (metric: (fn: IFunction, name: string) => IMetric) =>
      functions.map(([name, fn]) => metric(fn, name));
    const dlqDepth = (queue: IQueue, label: string) =>
      queue.metricApproximateNumberOfMessagesVisible({ period, label });
    const ruleMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Events',
        metricName,
        dimensionsMap: { RuleName: props.fastPathRule.ruleName },
        statistic: 'Sum',
        period,
        label: metricName,
      });

    this.dashboard = new Dashboard(this, 'Resource', {
      widgets: [
        [new AlarmStatusWidget({ title: 'Pipeline health', alarms: [...props.alarms], width: 24 })],
        [
          new GraphWidget({
            title: 'Ingest queue',
            left: [
              // The queue carries CloudTrail and access-log objects; the filter counts CloudTrail's.
              props.ingestQueue.metricNumberOfMessagesSent({ period, label: 'objects notified' }),
              props.cloudTrailFiles.metric(period, 'CloudTrail files ingested'),
              props.ingestQueue.metricApproximateNumberOfMessagesVisible({
                period,
                label: 'waiting',
              }),
            ],
            right: [
              props.ingestQueue.metricApproximateAgeOfOldestMessage({
                period,
                label: 'oldest (s)',
              }),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'Dead-letter queues',
            left: [
              dlqDepth(props.ingestDeadLetterQueue, 'ingest'),
              dlqDepth(props.fastPathDeadLetterQueue, 'fast path'),
              dlqDepth(props.alertDeliveryDeadLetterQueue, 'alert delivery'),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Invocations and errors',
            left: perFunction((fn, name) => fn.metricInvocations({ period, label: name })),
            right: [
              ...perFunction((fn, name) => fn.metricErrors({ period, label: `${name} errors` })),
              ...perFunction((fn, name) =>
                fn.metricThrottles({ period, label: `${name} throttles` }),
              ),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'Duration p99 (ms)',
            left: perFunction((fn, name) =>
              fn.metricDuration({ period, statistic: 'p99', label: name }),
            ),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Fast-path rule',
            left: ['MatchedEvents', 'Invocations', 'FailedInvocations'].map(ruleMetric),
            right: [props.rejectedEvents.metric(period, 'events rejected (not from AWS)')],
            width: 12,
          }),
          new GraphWidget({
            title: 'Alerts published',
            left: props.alertTopics.map((topic) =>
              topic.metricNumberOfMessagesPublished({ period, label: topic.node.id }),
            ),
            right: props.alertTopics.map((topic) =>
              topic.metricNumberOfNotificationsFailed({
                period,
                label: `${topic.node.id} failed`,
              }),
            ),
            width: 12,
          }),
        ],
      ],
    });
  }
}

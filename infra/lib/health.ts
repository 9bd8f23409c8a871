import { Alarm, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IRule } from 'aws-cdk-lib/aws-events';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CloudTrailFilesMetric } from './cloudtrail-files-metric.js';
import type { OpsSubscription } from './config.js';
import { PipelineDashboard } from './dashboard.js';
import { healthAlarmSpecs, type WatchedPipeline } from './health-alarms.js';
import { OpsTopic } from './ops-topic.js';
import { RejectedEventsMetric } from './rejected-events-metric.js';

/** Props of {@link Health}. */
export interface HealthProps extends WatchedPipeline {
  readonly fastPathRule: IRule;
  /** Alert topics, graphed on the dashboard. */
  readonly alertTopics: readonly ITopic[];
  /**
   * Endpoints for the health alarms.
   * @default no subscriptions
   */
  readonly subscriptions?: readonly OpsSubscription[];
}

/**
 * The pipeline watching itself: an alarm for each way events can go unexamined or alerts
 * undelivered, each notifying the ops topic when it fires and when it clears, and one
 * dashboard of the whole flow.
 */
export class Health extends Construct {
  readonly opsTopic: OpsTopic;
  readonly alarms: readonly IAlarm[];
  readonly dashboard: PipelineDashboard;
  /** CloudTrail files ingested, counted from the ingest function's logs. */
  readonly cloudTrailFiles: CloudTrailFilesMetric;
  /** Fast-path events refused as not from an AWS service, counted from its logs. */
  readonly rejectedEvents: RejectedEventsMetric;

  constructor(scope: Construct, id: string, props: HealthProps) {
    super(scope, id);
    this.opsTopic = new OpsTopic(this, 'OpsTopic', {
      subscriptions: props.subscriptions,
      deliveryDeadLetterQueue: props.alertDeliveryDeadLetterQueue,
    });
    this.cloudTrailFiles = new CloudTrailFilesMetric(this, 'CloudTrailFiles', {
      ingestLogGroup: props.ingestLogGroup,
    });
    this.rejectedEvents = new RejectedEventsMetric(this, 'RejectedEvents', {
      fastPathLogGroup: props.fastPathLogGroup,
    });
    const action = new SnsAction(this.opsTopic.topic);
    const logs = { cloudTrailFiles: this.cloudTrailFiles, rejectedEvents: this.rejectedEvents };
    this.alarms = healthAlarmSpecs(props, logs).map((spec) => {
      const alarm = new Alarm(this, spec.id, {
        metric: spec.metric,
        threshold: spec.threshold,
        comparisonOperator: spec.comparisonOperator,
        treatMissingData: spec.treatMissingData,
        evaluationPeriods: 1,
        alarmDescription: spec.description,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    });
    this.dashboard = new PipelineDashboard(this, 'Dashboard', {
      ...props,
      alarms: this.alarms,
      cloudTrailFiles: this.cloudTrailFiles,
      rejectedEvents: this.rejectedEvents,
    });
  }
}

import { type Duration, Stack } from 'aws-cdk-lib';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EVENT_REJECTED_MESSAGE } from '../handlers/event-origin.js';

/** Props of {@link RejectedEventsMetric}. */
export interface RejectedEventsMetricProps {
  /** The fast-path function's log group, where the handler logs one JSON line per refused event. */
  readonly fastPathLogGroup: ILogGroup;
}

/**
 * A count of EventBridge events the fast-path function refused as not coming from an
 * AWS service (infra/handlers/event-origin.ts), from its own "event rejected" log
 * lines. A metric filter rather than an embedded metric: the log line exists anyway
 * (it carries the source, account and id to investigate), and the count then costs
 * the bundle and the handler nothing. Same namespace as the CloudTrail file count.
 */
export class RejectedEventsMetric extends Construct {
  static readonly METRIC_NAME = 'FastPathEventsRejected';
  readonly filter: MetricFilter;

  constructor(scope: Construct, id: string, props: RejectedEventsMetricProps) {
    super(scope, id);
    this.filter = new MetricFilter(this, 'Resource', {
      logGroup: props.fastPathLogGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', EVENT_REJECTED_MESSAGE),
      metricNamespace: `Trailwatch/${Stack.of(this).stackName}`,
      metricName: RejectedEventsMetric.METRIC_NAME,
      metricValue: '1',
    });
  }

  /** Events refused per `period` (Sum; no data when none). */
  metric(period: Duration, label?: string): Metric {
    return this.filter.metric({ period, statistic: 'Sum', ...(label && { label }) });
  }
}

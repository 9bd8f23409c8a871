import { type Duration, Stack } from 'aws-cdk-lib';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The ingest handler's log line for each object it read through (infra/handlers/s3-sqs.ts). */
export const OBJECT_PROCESSED_MESSAGE = 'object processed';

/** Props of {@link CloudTrailFilesMetric}. */
export interface CloudTrailFilesMetricProps {
  /** The ingest function's log group, where the handler logs one JSON line per object. */
  readonly ingestLogGroup: ILogGroup;
}

/**
 * A count of CloudTrail log files ingested, from the ingest function's own log lines:
 * one per "object processed" line with at least one CloudTrail event. The ingest queue
 * also carries S3 server access-log notifications (and CloudTrail's writes to a trail
 * bucket trailwatch created show up in those logs), so the queue's message count says
 * nothing about whether CloudTrail is still delivering; this metric does.
 * The namespace names the stack: two trailwatch stacks in one account and region
 * never add up each other's files (metric filter dimensions can only hold log fields).
 */
export class CloudTrailFilesMetric extends Construct {
  static readonly METRIC_NAME = 'CloudTrailFilesProcessed';
  readonly filter: MetricFilter;

  constructor(scope: Construct, id: string, props: CloudTrailFilesMetricProps) {
    super(scope, id);
    this.filter = new MetricFilter(this, 'Resource', {
      logGroup: props.ingestLogGroup,
      filterPattern: FilterPattern.all(
        FilterPattern.stringValue('$.message', '=', OBJECT_PROCESSED_MESSAGE),
        FilterPattern.numberValue('$.events', '>', 0),
      ),
      metricNamespace: `Trailwatch/${Stack.of(this).stackName}`,
      metricName: CloudTrailFilesMetric.METRIC_NAME,
      metricValue: '1',
    });
  }

  /** Files ingested per `period` (Sum; no data when none). */
  metric(period: Duration, label?: string): Metric {
    return this.filter.metric({ period, statistic: 'Sum', ...(label && { label }) });
  }
}

import { ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { CloudTrailFilesMetric } from './cloudtrail-files-metric.js';
import { HEALTH } from './defaults.js';
import type { RejectedEventsMetric } from './rejected-events-metric.js';

/** The pipeline parts whose health is watched. */
export interface WatchedPipeline {
  readonly ingestQueue: IQueue;
  readonly ingestDeadLetterQueue: IQueue;
  readonly fastPathDeadLetterQueue: IQueue;
  readonly alertDeliveryDeadLetterQueue: IQueue;
  readonly ingestFunction: IFunction;
  /** Where the ingest function logs one line per object read (the CloudTrail file count). */
  readonly ingestLogGroup: ILogGroup;
  readonly fastPathFunction: IFunction;
  /** Where the fast-path function logs one line per event it refused (the rejected-event count). */
  readonly fastPathLogGroup: ILogGroup;
  /** The scheduled invocation-spike detector. */
  readonly metricsFunction: IFunction;
}

/** One alarm as data: what it watches, when it fires, and what on-call should do. */
export interface HealthAlarmSpec {
  /** Construct id, also the alarm's heading in docs/deploy.md. */
  readonly id: string;
  readonly metric: IMetric;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly treatMissingData: TreatMissingData;
  /** Sent with every notification: what it means and what to do first. */
  readonly description: string;
}

const atLeastOne = {
  threshold: 1,
  comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  treatMissingData: TreatMissingData.NOT_BREACHING,
} as const;

/** Counts the alarms read from the functions' own log lines. */
export interface LogMetrics {
  /** CloudTrail files ingested (from the ingest logs). */
  readonly cloudTrailFiles: CloudTrailFilesMetric;
  /** EventBridge events the fast path refused as not from an AWS service. */
  readonly rejectedEvents: RejectedEventsMetric;
}

/**
 * The health alarms of the pipeline (docs/deploy.md, "Alarms", explains each). Any of
 * them firing means CloudTrail events may be going unexamined or alerts undelivered,
 * or (`FastPathRejectedEvents`) someone is sending the detectors made-up events.
 */
export function healthAlarmSpecs(p: WatchedPipeline, logs: LogMetrics): HealthAlarmSpec[] {
  const { cloudTrailFiles, rejectedEvents } = logs;
  const period = HEALTH.period;
  const depth = (queue: IQueue) =>
    queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' });
  return [
    {
      id: 'IngestDeadLetters',
      metric: depth(p.ingestDeadLetterQueue),
      ...atLeastOne,
      description:
        'CloudTrail log files failed ingest 5 times and were set aside: their events were not examined. ' +
        'Read the ingest function logs for the cause, fix it, then redrive the dead-letter queue to the ingest queue.',
    },
    {
      id: 'FastPathDeadLetters',
      metric: depth(p.fastPathDeadLetterQueue),
      ...atLeastOne,
      description:
        'EventBridge events could not be delivered to, or failed in, the fast-path function. ' +
        'The S3 path still examines them (minutes later); check the fast-path function logs and permissions.',
    },
    {
      id: 'AlertDeliveryDeadLetters',
      metric: depth(p.alertDeliveryDeadLetterQueue),
      ...atLeastOne,
      description:
        'SNS could not deliver an alert or alarm to a subscriber after its retries. ' +
        'Read the messages in the delivery dead-letter queue (they are the alerts) and check the endpoint.',
    },
    {
      id: 'IngestBacklog',
      metric: p.ingestQueue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
      threshold: HEALTH.maxMessageAge.toSeconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description:
        `A log file has waited over ${HEALTH.maxMessageAge.toHumanString()} for ingest: detection is late. ` +
        'Look for ingest errors, throttles or timeouts.',
    },
    {
      id: 'TrailSilent',
      // Not the queue's message count: access-log notifications share the queue and would
      // keep it busy while CloudTrail is silent.
      metric: cloudTrailFiles.metric(HEALTH.silence),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      // No datapoints is exactly the failure this alarm is for.
      treatMissingData: TreatMissingData.BREACHING,
      description:
        `No CloudTrail log file with events was ingested in ${HEALTH.silence.toHumanString()}: ` +
        'the trail stopped, its bucket notification is missing or points elsewhere, the queue ' +
        'policy rejects it, or the ingest function fails on every file (see the other alarms). ' +
        'Check the trail status (GetTrailStatus), the bucket notification configuration and ' +
        'the ingest function logs ("object processed" lines with events).',
    },
    {
      id: 'FastPathRejectedEvents',
      metric: rejectedEvents.metric(period),
      ...atLeastOne,
      description:
        'The fast-path function refused events that claim to be CloudTrail records but did not ' +
        'come from an AWS service (a custom source, or an envelope account that is not the ' +
        "record's recipient account): someone with events:PutEvents on the bus, or " +
        'lambda:InvokeFunction on the function, is feeding the detectors made-up events. The ' +
        'function logs each ("event rejected": reason, source, account, id). Find who sent them ' +
        "with the CloudTrail PutEvents or Invoke records, and check the fast-path rule's pattern.",
    },
    ...functionAlarms('Ingest', p.ingestFunction),
    ...functionAlarms('FastPath', p.fastPathFunction),
    ...functionAlarms(
      'Metrics',
      p.metricsFunction,
      'A run of the scheduled invocation-spike detector failed: CloudWatch could not answer for ' +
        'some functions (they were not judged; their names are in the error), an alert could not ' +
        'be published, or the run timed out. The next run, minutes later, re-reads the same periods. ' +
        'Read the function logs ("functions not judged"); check cloudwatch:GetMetricData throttling.',
    ),
  ];
}

function functionAlarms(name: string, fn: IFunction, errorDescription?: string): HealthAlarmSpec[] {
  const period = HEALTH.period;
  return [
    {
      id: `${name}Errors`,
      metric: fn.metricErrors({ period, statistic: 'Sum' }),
      ...atLeastOne,
      description:
        errorDescription ??
        `The ${name} detector function failed (an uncaught error or a timeout); the input is retried. ` +
          'Read its logs; repeated failures end in a dead-letter queue.',
    },
    {
      id: `${name}Throttles`,
      metric: fn.metricThrottles({ period, statistic: 'Sum' }),
      ...atLeastOne,
      description:
        `The ${name} detector function was throttled: its reserved concurrency was all in use. ` +
        'Detection is delayed; if it persists, raise its reserved concurrency (docs/deploy.md, "Configuration").',
    },
  ];
}

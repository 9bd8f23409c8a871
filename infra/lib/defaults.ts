import { Duration, Size } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { STATE_TABLE_SCHEMA } from '../../alerting/dynamodb-items.js';
import type { Severity } from '../../detectors/types.js';

/**
 * Every tunable number and name of the deployment, as data. Builders in this folder read
 * these; nothing here creates a construct. Change a value here, not in a builder.
 */

/** CloudTrail's own key layout: every log file sits under this prefix and ends with this suffix. */
export const TRAIL_LOG_LAYOUT = { prefix: 'AWSLogs/', suffix: '.json.gz' } as const;

/** The trail trailwatch creates when no existing bucket is imported. */
export const NEW_TRAIL = {
  /** Fixed so the KMS key policy can name the trail without a dependency cycle. */
  trailName: 'trailwatch',
} as const;

/** The S3 → SQS → Lambda path (the complete one). */
export const INGEST = {
  memorySize: 1024,
  timeout: Duration.minutes(2),
  /** Small: one CloudTrail file can hold thousands of records, and a batch shares one timeout. */
  batchSize: 5,
  /** Lambda rejects a mapping whose queue visibility is shorter than the function timeout; AWS advises 6×. */
  visibilityTimeoutFactor: 6,
  /** AWS advises ≥ 5 so throttling alone does not move messages to the DLQ. */
  maxReceiveCount: 5,
  /**
   * Concurrent executions reserved for (and capping) the function; also the queue
   * mapping's maximum concurrency, so Lambda never polls more batches than may run
   * (a throttled batch would count a receive towards the DLQ). 10 × 5 objects a
   * batch keeps up with a large organization trail; a flood of notifications then
   * waits in the queue instead of taking the account's whole concurrency. Context
   * key `ingestReservedConcurrency` (2 to 1000: the mapping's own limits).
   */
  reservedConcurrency: 10,
  retention: Duration.days(4),
} as const;

/** Every dead-letter queue keeps messages longer than any source queue (DLQ expiry counts from the first enqueue). */
export const DLQ_RETENTION = Duration.days(14);

/** The EventBridge → Lambda path (the fast, best-effort one). */
export const FAST_PATH = {
  memorySize: 512,
  timeout: Duration.seconds(30),
  /** EventBridge → Lambda delivery (permissions, throttling of the Invoke call). */
  targetRetryAttempts: 20,
  targetMaxEventAge: Duration.hours(4),
  /** Lambda's async queue: function errors. Older events are worth less than the S3 path's copy. */
  asyncRetryAttempts: 2,
  asyncMaxEventAge: Duration.hours(1),
  /**
   * Concurrent executions reserved for (and capping) the function: a burst of events
   * (or forged ones) cannot take the account's concurrency, and other functions cannot
   * take the detectors'. Throttled events wait in Lambda's async queue, retried within
   * `asyncMaxEventAge`. Context key `fastPathReservedConcurrency` (1 to 1000).
   */
  reservedConcurrency: 10,
} as const;

/** Bounds the reserved-concurrency context keys accept. */
export const RESERVED_CONCURRENCY_LIMITS = {
  /** An SQS event source mapping's maximum concurrency is 2 to 1000. */
  ingest: { min: 2, max: 1000 },
  fastPath: { min: 1, max: 1000 },
} as const;

/**
 * The scheduled invocation-spike detector (infra/handlers/metrics.ts). Its period, settle
 * and evaluate values are the handler's METRICS_* variables; evaluating three periods
 * every period means overlapping runs, so one late or failed run misses nothing.
 */
export const METRICS = {
  rate: Duration.minutes(5),
  memorySize: 512,
  timeout: Duration.minutes(3),
  /** One run at a time: overlapping runs would read and judge the same periods twice. */
  reservedConcurrency: 1,
  /** The next run (minutes later) covers the same periods; a retry would only add load. */
  retryAttempts: 0,
  /** A run that could not start within one period is superseded by the next. */
  maxEventAge: Duration.minutes(5),
  periodSeconds: 300,
  settleSeconds: 180,
  evaluateSeconds: 900,
} as const;

/** Every detector function. */
export const FUNCTIONS = {
  logRetention: RetentionDays.THREE_MONTHS,
  serviceName: 'trailwatch',
} as const;

/** One SNS topic per route; each severity goes to exactly one route. */
export interface AlertRoute {
  /** Construct id of the topic, also its display name suffix. */
  readonly id: string;
  readonly severities: readonly Severity[];
  readonly description: string;
}

/**
 * Urgent findings and routine ones go to different topics, so a pager or chat channel
 * can take only the urgent one and an email digest can take the rest without hitting
 * SNS's per-subscription email rate.
 */
export const ALERT_ROUTES: readonly AlertRoute[] = [
  {
    id: 'Urgent',
    severities: ['critical', 'high'],
    description: 'trailwatch alerts that need someone now (critical, high)',
  },
  {
    id: 'Routine',
    severities: ['medium', 'low', 'info'],
    description: 'trailwatch alerts to review in working hours (medium, low, info)',
  },
];

/** The route a handler uses for a severity it has no topic for (ALERT_TOPIC_ARN). */
export const DEFAULT_ALERT_ROUTE = 'Routine';

/** Key schema of the dedup/state table: the DynamoDB state store's own, so the two cannot drift. */
export const STATE_TABLE = STATE_TABLE_SCHEMA;

/** Athena and the Glue catalog over the trail bucket. */
export const ATHENA = {
  tableName: 'cloudtrail_logs',
  /** AWS's documented example starts here; logs older than the range are invisible to queries. */
  projectionStart: '2020/01/01',
  /** A runaway query stops here instead of scanning years of logs. */
  bytesScannedCutoffPerQuery: Size.gibibytes(100),
  resultExpiration: Duration.days(30),
} as const;

/** Regions projected by default: every commercial region this aws-cdk-lib knows. */
export const DEFAULT_TRAIL_REGIONS: readonly string[] = RegionInfo.regions
  .filter((region) => region.partition === 'aws')
  .map((region) => region.name);

/** Thresholds of the pipeline-health alarms; each alarm is explained in docs/deploy.md. */
export const HEALTH = {
  period: Duration.minutes(5),
  /** Older than this, the ingest path is not keeping up or is failing and retrying. */
  maxMessageAge: Duration.minutes(15),
  /** CloudTrail delivers every few minutes in any account with activity; an hour of nothing means a broken feed. */
  silence: Duration.hours(1),
} as const;

/** S3 server access logs of trailwatch's own buckets (CIS: log access to the CloudTrail bucket). */
export const ACCESS_LOGS = {
  expiration: Duration.days(365),
} as const;

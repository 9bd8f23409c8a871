import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type CfnRule, Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  formatIngestBuckets,
  INGEST_BUCKETS_VARIABLE,
  type IngestBucket,
} from '../handlers/ingest-buckets.js';
import type { AlertTopics } from './alert-topics.js';
import type { ReservedConcurrency } from './config.js';
import { DLQ_RETENTION, FAST_PATH, INGEST } from './defaults.js';
import { DetectorFunction, handlerEntry } from './detector-function.js';
import {
  allowPublishingAlerts,
  allowReadingAccessLogs,
  allowReadingLogs,
  allowReadingMetrics,
  allowStateAccess,
  type TrailLogs,
} from './detector-permissions.js';
import { InvocationSpikeDetector } from './spike-detector.js';

/** Handler modules (each exports an async `handler`). */
export interface DetectorHandlers {
  /** Consumes SQS messages holding S3 notifications; returns `{ batchItemFailures }`. */
  readonly ingest: string;
  /** Takes one EventBridge "AWS API Call via CloudTrail" event. */
  readonly fastPath: string;
  /** Invoked by EventBridge Scheduler; judges Lambda invocation metrics. */
  readonly metrics: string;
}

/** The Lambda handlers in infra/handlers/. */
export const DEFAULT_HANDLERS: DetectorHandlers = {
  ingest: handlerEntry('s3-sqs.ts'),
  fastPath: handlerEntry('eventbridge.ts'),
  metrics: handlerEntry('metrics.ts'),
};

/** Props of {@link DetectorFunctions}. */
export interface DetectorFunctionsProps {
  readonly ingestQueue: IQueue;
  readonly trailLogs: TrailLogs;
  /** ARN patterns of the S3 server access-log objects notified to the ingest queue. */
  readonly accessLogObjectsArns: readonly string[];
  /**
   * Every bucket whose notifications reach the ingest queue, with its owner: the ingest
   * function refuses notifications of any other bucket and reads each with
   * ExpectedBucketOwner (TRAILWATCH_INGEST_BUCKETS).
   */
  readonly ingestBuckets: readonly IngestBucket[];
  readonly alertTopics: AlertTopics;
  readonly stateTable: ITable;
  /** The trailwatch config (docs/configuration.md), serialised into TRAILWATCH_CONFIG. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * Base URL of the runbooks alerts link to (RUNBOOK_BASE_URL).
   * @default the handlers' built-in link
   */
  readonly runbookBaseUrl?: string;
  /**
   * Also send read-only management events (Get*, List*, Describe*) to the fast path.
   * Costs an invocation per read call; the S3 path sees them either way.
   * @default false
   */
  readonly readOnlyManagementEvents?: boolean;
  /**
   * Concurrent executions reserved for (and capping) the ingest and fast-path functions.
   * @default INGEST.reservedConcurrency and FAST_PATH.reservedConcurrency (10 each)
   */
  readonly reservedConcurrency?: ReservedConcurrency;
  /**
   * Handler modules to bundle.
   * @default DEFAULT_HANDLERS (infra/handlers/s3-sqs.ts, eventbridge.ts and metrics.ts)
   */
  readonly handlers?: DetectorHandlers;
}

/** EventBridge's detail type for management events recorded by CloudTrail. */
const CLOUDTRAIL_API_CALL = 'AWS API Call via CloudTrail';
/**
 * Sources only AWS services can use: PutEvents refuses an `aws.` source, so anyone
 * allowed events:PutEvents on the bus cannot make an event this rule matches.
 */
const AWS_SOURCES = Match.prefix('aws.');
/** L1-only rule state that lets read-only management events through. */
const ALL_MANAGEMENT_EVENTS = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

/**
 * The three detector Lambdas and what feeds them:
 * - `ingest` reads each new CloudTrail file and S3 server access-log object named by an S3
 *   notification on the ingest queue (the complete path), reporting failed messages one by one;
 * - `fastPath` gets single events from an EventBridge rule (the fast, best-effort path),
 *   with bounded retries and a dead-letter queue for both delivery and function failures;
 * - `metrics` judges the account's Lambda invocation counts on a schedule
 *   ({@link InvocationSpikeDetector}).
 * Each role gets only the actions its handler performs, on only its resources. Each
 * function has reserved concurrency: a flood of notifications or events waits (in the
 * queue, or Lambda's async queue) instead of taking the account's whole concurrency,
 * and other functions cannot take the detectors'.
 */
export class DetectorFunctions extends Construct {
  readonly ingest: DetectorFunction;
  readonly fastPath: DetectorFunction;
  readonly fastPathRule: Rule;
  readonly metrics: InvocationSpikeDetector;
  /** Events EventBridge could not deliver, and events the function failed on after retries. */
  readonly fastPathDeadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DetectorFunctionsProps) {
    super(scope, id);
    const environment = {
      ...props.alertTopics.environment(),
      // toJsonString: the settings may name buckets whose names are only known at deploy time.
      TRAILWATCH_CONFIG: Stack.of(this).toJsonString(props.config),
      STATE_TABLE_NAME: props.stateTable.tableName,
      ...(props.runbookBaseUrl && { RUNBOOK_BASE_URL: props.runbookBaseUrl }),
    };

    const handlers = props.handlers ?? DEFAULT_HANDLERS;
    const concurrency = props.reservedConcurrency ?? {
      ingest: INGEST.reservedConcurrency,
      fastPath: FAST_PATH.reservedConcurrency,
    };
    this.ingest = new DetectorFunction(this, 'Ingest', {
      entry: handlers.ingest,
      description:
        'trailwatch: runs the detectors over each new CloudTrail log file and S3 access log',
      memorySize: INGEST.memorySize,
      timeout: INGEST.timeout,
      environment: {
        ...environment,
        [INGEST_BUCKETS_VARIABLE]: formatIngestBuckets(props.ingestBuckets),
      },
      reservedConcurrency: concurrency.ingest,
    });
    this.ingest.function.addEventSource(
      new SqsEventSource(props.ingestQueue, {
        batchSize: INGEST.batchSize,
        reportBatchItemFailures: true,
        // No more batches in flight than may run: a throttled batch would count a receive.
        maxConcurrency: concurrency.ingest,
      }),
    );
    allowReadingLogs(this.ingest.role, props.trailLogs);
    allowReadingAccessLogs(this.ingest.role, props.accessLogObjectsArns);

    this.fastPathDeadLetterQueue = new Queue(this, 'FastPathDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.fastPath = new DetectorFunction(this, 'FastPath', {
      entry: handlers.fastPath,
      description: 'trailwatch: runs the detectors over CloudTrail events from EventBridge',
      memorySize: FAST_PATH.memorySize,
      timeout: FAST_PATH.timeout,
      environment,
      reservedConcurrency: concurrency.fastPath,
      asyncInvoke: {
        onFailure: new SqsDestination(this.fastPathDeadLetterQueue),
        retryAttempts: FAST_PATH.asyncRetryAttempts,
        maxEventAge: FAST_PATH.asyncMaxEventAge,
      },
    });
    this.fastPathRule = new Rule(this, 'FastPathRule', {
      description: 'trailwatch fast path: CloudTrail management events to the detectors',
      eventPattern: { source: AWS_SOURCES, detailType: [CLOUDTRAIL_API_CALL] },
      targets: [
        new LambdaFunction(this.fastPath.function, {
          deadLetterQueue: this.fastPathDeadLetterQueue,
          retryAttempts: FAST_PATH.targetRetryAttempts,
          maxEventAge: FAST_PATH.targetMaxEventAge,
        }),
      ],
    });
    if (props.readOnlyManagementEvents) {
      (this.fastPathRule.node.defaultChild as CfnRule).state = ALL_MANAGEMENT_EVENTS;
    }

    this.metrics = new InvocationSpikeDetector(this, 'Metrics', {
      entry: handlers.metrics,
      environment,
      ownFunctions: [this.ingest.function, this.fastPath.function],
    });
    allowReadingMetrics(this.metrics.detector.role);

    for (const fn of [this.ingest, this.fastPath, this.metrics.detector]) {
      allowPublishingAlerts(fn.role, props.alertTopics);
      allowStateAccess(fn.role, props.stateTable);
    }
  }
}

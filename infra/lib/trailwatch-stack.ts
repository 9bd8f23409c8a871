import { Aws, CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket.js';
import { acknowledgeNagFindings } from './acknowledgements.js';
import { AlertTopics } from './alert-topics.js';
import { AthenaCatalog, type AthenaNamedQuery } from './athena.js';
import type { TrailwatchConfig } from './config.js';
import { INGEST } from './defaults.js';
import { type DetectorConfig, withDeploymentSettings } from './detector-config.js';
import { DetectorFunctions, type DetectorHandlers } from './detector-functions.js';
import { Health } from './health.js';
import { IngestQueue } from './ingest-queue.js';
import { StateTable } from './state-table.js';
import { TrailSource } from './trail-source.js';

/** Props of {@link TrailwatchStack}. */
export interface TrailwatchStackProps extends StackProps {
  readonly config: TrailwatchConfig;
  /**
   * The trailwatch config file (settings, detector overrides, suppressions), validated.
   * @default the defaults (no file)
   */
  readonly detectorConfig?: DetectorConfig;
  /**
   * Saved Athena queries, e.g. one per runbook step.
   * @default none
   */
  readonly namedQueries?: readonly AthenaNamedQuery[];
  /**
   * Handler modules of the detector functions.
   * @default DEFAULT_HANDLERS (infra/handlers/)
   */
  readonly handlers?: DetectorHandlers;
}

/**
 * trailwatch on AWS: CloudTrail logs (a new trail or an existing bucket) and the S3 server
 * access logs of its own buckets → S3 notifications → SQS → ingest Lambda, plus EventBridge → fast-path Lambda; both run the detectors, share a
 * DynamoDB state table and publish to SNS alert topics; Athena queries the same logs;
 * alarms on the pipeline's health go to a separate ops topic.
 */
export class TrailwatchStack extends Stack {
  readonly accessLogs: AccessLogsBucket;
  readonly trailSource: TrailSource;
  readonly ingestQueue: IngestQueue;
  readonly stateTable: StateTable;
  readonly alertTopics: AlertTopics;
  readonly detectors: DetectorFunctions;
  readonly athena: AthenaCatalog;
  readonly health: Health;

  constructor(scope: Construct, id: string, props: TrailwatchStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    this.trailSource = new TrailSource(this, 'TrailSource', {
      source: config.trail,
      keyPrefix: config.keyPrefix,
      organizationId: config.organizationId,
      accessLogsBucket: this.accessLogs.bucket,
    });
    this.ingestQueue = new IngestQueue(this, 'IngestQueue', {
      consumerTimeout: INGEST.timeout,
      sources: [
        {
          sid: 'AllowTrailBucketNotifications',
          bucketArn: this.trailSource.bucketArn,
          account: this.trailSource.bucketAccount,
        },
        {
          sid: 'AllowAccessLogBucketNotifications',
          bucketArn: this.accessLogs.bucketArn,
          account: Aws.ACCOUNT_ID,
        },
      ],
    });
    this.trailSource.notifyOnNewLogs(this.ingestQueue.queue, this.ingestQueue.sendPolicy);
    this.accessLogs.notifyOnNewLogs(this.ingestQueue.queue, this.ingestQueue.sendPolicy);
    this.stateTable = new StateTable(this, 'StateTable');
    this.alertTopics = new AlertTopics(this, 'AlertTopics', {
      subscriptions: config.alertSubscriptions,
    });
    this.detectors = new DetectorFunctions(this, 'Detectors', {
      ingestQueue: this.ingestQueue.queue,
      trailLogs: this.trailSource,
      accessLogObjectsArns: [this.accessLogs.logObjectsArn],
      // The buckets the queue policy admits, with the same owners.
      ingestBuckets: [
        { bucket: this.trailSource.bucketName, owner: this.trailSource.bucketAccount },
        { bucket: this.accessLogs.bucketName, owner: Aws.ACCOUNT_ID },
      ],
      alertTopics: this.alertTopics,
      stateTable: this.stateTable.table,
      config: withDeploymentSettings(props.detectorConfig ?? { document: {} }, {
        // The buckets this stack reads and writes logs in are log buckets by definition.
        logBuckets: [this.trailSource.bucketName, this.accessLogs.bucket.bucketName],
        // The ingest role reads every log file: bulk reads of the log buckets are its job
        // (s3-large-data-transfer). Lazy: the role is made with the functions this configures.
        logReaders: [Lazy.string({ produce: () => this.detectors.ingest.role.roleArn })],
        trustedOrganizationIds: config.organizationId === undefined ? [] : [config.organizationId],
      }),
      runbookBaseUrl: config.runbookBaseUrl,
      readOnlyManagementEvents: config.fastPathReadOnlyEvents,
      reservedConcurrency: config.reservedConcurrency,
      handlers: props.handlers,
    });
    this.athena = new AthenaCatalog(this, 'Athena', {
      layout: {
        bucketName: this.trailSource.bucketName,
        logsPrefix: this.trailSource.logsPrefix,
        organizationId: config.organizationId,
        // An account trail logs only its own account; an org trail's accounts are injected per query.
        accounts:
          config.trailAccounts ??
          (config.organizationId === undefined ? [Aws.ACCOUNT_ID] : undefined),
        regions: config.trailRegions,
        since: config.trailLogsSince,
      },
      accessLogsBucket: this.accessLogs.bucket,
      // A created trail bucket logs there too; an imported one is not the stack's to configure.
      accessLoggedBuckets: this.trailSource.ownsBucket ? [this.trailSource.bucketName] : [],
      namedQueries: props.namedQueries,
    });
    this.health = new Health(this, 'Health', {
      ingestQueue: this.ingestQueue.queue,
      ingestDeadLetterQueue: this.ingestQueue.deadLetterQueue,
      fastPathDeadLetterQueue: this.detectors.fastPathDeadLetterQueue,
      alertDeliveryDeadLetterQueue: this.alertTopics.deliveryDeadLetterQueue,
      ingestFunction: this.detectors.ingest.function,
      ingestLogGroup: this.detectors.ingest.logGroup,
      fastPathFunction: this.detectors.fastPath.function,
      fastPathLogGroup: this.detectors.fastPath.logGroup,
      metricsFunction: this.detectors.metrics.detector.function,
      fastPathRule: this.detectors.fastPathRule,
      alertTopics: [...this.alertTopics.topics.values()],
      subscriptions: config.opsSubscriptions,
    });

    this.outputs();
    acknowledgeNagFindings(this);
  }

  private outputs(): void {
    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output(
      'TrailBucketName',
      this.trailSource.bucketName,
      'Bucket the CloudTrail logs are read from',
    );
    output(
      'IngestQueueArn',
      this.ingestQueue.queue.queueArn,
      this.trailSource.ownsBucket
        ? 'Queue receiving S3 notifications for new log files'
        : 'Point the existing trail bucket s3:ObjectCreated:* notifications (AWSLogs/, .json.gz) here (docs/deploy.md)',
    );
    output(
      'IngestRoleArn',
      this.detectors.ingest.role.roleArn,
      'Role that reads log objects: grant it s3:GetObject and kms:Decrypt when the bucket or key is in another account',
    );
    for (const [route, topic] of this.alertTopics.topics) {
      output(
        `${route}AlertTopicArn`,
        topic.topicArn,
        `SNS topic for ${route.toLowerCase()} alerts`,
      );
    }
    output(
      'OpsTopicArn',
      this.health.opsTopic.topic.topicArn,
      'SNS topic for pipeline-health alarms',
    );
    output('StateTableName', this.stateTable.table.tableName, 'DynamoDB dedup and detector state');
    output('AthenaWorkGroup', this.athena.workGroupName, 'Athena workgroup for runbook queries');
    output(
      'AthenaTable',
      `${this.athena.databaseName}.${this.athena.tableName}`,
      'Glue table of the CloudTrail logs',
    );
    output(
      'AccessLogsBucketName',
      this.accessLogs.bucketName,
      'Bucket of the S3 server access logs of the trail and Athena results buckets',
    );
    output(
      'AccessLogTable',
      `${this.athena.databaseName}.${this.athena.accessLogTableName}`,
      'Glue table of the S3 server access logs',
    );
    output('DashboardName', this.health.dashboard.dashboard.dashboardName, 'CloudWatch dashboard');
  }
}

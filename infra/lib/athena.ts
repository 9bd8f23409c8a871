import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ACCESS_LOG_LAYOUT, serverAccessLogsTo } from './access-log-layout.js';
import { ACCESS_LOG_TABLE_NAME, accessLogTableInput } from './access-log-table.js';
import { type CloudTrailTableLayout, cloudTrailTableInput } from './cloudtrail-table.js';
import { ATHENA } from './defaults.js';

/** A saved query in the trailwatch workgroup, e.g. one step of a runbook. */
export interface AthenaNamedQuery {
  /** Construct id; keep it stable, it names the resource. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Trino SQL against {@link AthenaCatalog.tableName} in {@link AthenaCatalog.databaseName}. */
  readonly queryString: string;
}

/** Props of {@link AthenaCatalog}. */
export interface AthenaCatalogProps {
  /** Where the CloudTrail logs are and how to project their partitions. */
  readonly layout: CloudTrailTableLayout;
  /** Receives server access logs of the results bucket; the `s3_access_logs` table reads it. */
  readonly accessLogsBucket: IBucket;
  /**
   * The other buckets whose server access logs go to `accessLogsBucket` (in
   * ACCESS_LOG_LAYOUT), projected by the access-log table with the results bucket.
   * @default only the results bucket
   */
  readonly accessLoggedBuckets?: readonly string[];
  /**
   * Name of the Glue database and of the Athena workgroup.
   * @default the stack name, lower-cased, with characters Glue rejects replaced by `_`
   */
  readonly name?: string;
  /**
   * Saved queries (the runbook layer passes one per runbook step).
   * @default none
   */
  readonly namedQueries?: readonly AthenaNamedQuery[];
}

/**
 * Athena over the trail: a Glue database with the CloudTrail table and the S3 server
 * access-log table (both with partition projection, so no crawler and no partition
 * maintenance), and a workgroup whose settings queries
 * cannot override: results in a private bucket, encrypted, expiring, and a cap on bytes
 * scanned per query.
 */
export class AthenaCatalog extends Construct {
  readonly databaseName: string;
  readonly tableName: string = ATHENA.tableName;
  readonly accessLogTableName: string = ACCESS_LOG_TABLE_NAME;
  readonly workGroupName: string;
  readonly database: CfnDatabase;
  readonly table: CfnTable;
  readonly accessLogTable: CfnTable;
  readonly workGroup: CfnWorkGroup;
  readonly resultsBucket: Bucket;

  constructor(scope: Construct, id: string, props: AthenaCatalogProps) {
    super(scope, id);
    const name =
      props.name ??
      Stack.of(this)
        .stackName.toLowerCase()
        .replace(/[^a-z0-9_]/g, '_');
    this.databaseName = name;
    this.workGroupName = name;

    this.database = new CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: {
        name,
        description: 'trailwatch: CloudTrail and S3 access logs for investigation',
      },
    });
    this.table = new CfnTable(this, 'CloudTrailTable', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: name,
      tableInput: cloudTrailTableInput(this.tableName, props.layout),
    });
    this.table.addResourceDependency(this.database);

    this.resultsBucket = new Bucket(this, 'ResultsBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...serverAccessLogsTo(props.accessLogsBucket),
      lifecycleRules: [{ expiration: ATHENA.resultExpiration }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.accessLogTable = new CfnTable(this, 'AccessLogTable', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: name,
      tableInput: accessLogTableInput(this.accessLogTableName, {
        bucketName: props.accessLogsBucket.bucketName,
        prefix: ACCESS_LOG_LAYOUT.prefix,
        account: Aws.ACCOUNT_ID,
        region: Aws.REGION,
        sourceBuckets: [...(props.accessLoggedBuckets ?? []), this.resultsBucket.bucketName],
        since: props.layout.since,
      }),
    });
    this.accessLogTable.addResourceDependency(this.database);

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name,
      description: 'trailwatch investigations (runbook queries)',
      state: 'ENABLED',
      // Lets the stack be deleted after queries have run in the workgroup.
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: ATHENA.bytesScannedCutoffPerQuery.toBytes(),
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
          expectedBucketOwner: Aws.ACCOUNT_ID,
        },
      },
    });

    for (const query of props.namedQueries ?? []) this.addNamedQuery(query);
  }

  private addNamedQuery(query: AthenaNamedQuery): void {
    const namedQuery = new CfnNamedQuery(this, query.id, {
      name: query.name,
      description: query.description,
      database: this.databaseName,
      workGroup: this.workGroupName,
      queryString: query.queryString,
    });
    namedQuery.addResourceDependency(this.workGroup);
    namedQuery.addResourceDependency(this.database);
  }
}

import type { CfnTable } from 'aws-cdk-lib/aws-glue';

/**
 * The CloudTrail table as AWS documents it ("Create the table for CloudTrail logs in Athena
 * using partition projection", Amazon Athena user guide): Hive JSON SerDe, CloudTrail's input
 * format, the same column names and types. The JSON-valued fields stay strings, so queries
 * read them with json_extract_scalar, in Athena and in the DuckDB twin alike.
 */
export const CLOUDTRAIL_COLUMNS: readonly CfnTable.ColumnProperty[] = [
  { name: 'eventversion', type: 'string' },
  {
    name: 'useridentity',
    type:
      'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,' +
      'accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,' +
      'sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,' +
      'sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,' +
      'ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>',
  },
  { name: 'eventtime', type: 'string' },
  { name: 'eventsource', type: 'string' },
  { name: 'eventname', type: 'string' },
  { name: 'awsregion', type: 'string' },
  { name: 'sourceipaddress', type: 'string' },
  { name: 'useragent', type: 'string' },
  { name: 'errorcode', type: 'string' },
  { name: 'errormessage', type: 'string' },
  { name: 'requestparameters', type: 'string' },
  { name: 'responseelements', type: 'string' },
  { name: 'additionaleventdata', type: 'string' },
  { name: 'requestid', type: 'string' },
  { name: 'eventid', type: 'string' },
  { name: 'readonly', type: 'string' },
  { name: 'resources', type: 'array<struct<arn:string,accountid:string,type:string>>' },
  { name: 'eventtype', type: 'string' },
  { name: 'apiversion', type: 'string' },
  { name: 'recipientaccountid', type: 'string' },
  { name: 'serviceeventdetails', type: 'string' },
  { name: 'sharedeventid', type: 'string' },
  { name: 'vpcendpointid', type: 'string' },
  { name: 'vpcendpointaccountid', type: 'string' },
  { name: 'eventcategory', type: 'string' },
  {
    name: 'addendum',
    type: 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>',
  },
  { name: 'sessioncredentialfromconsole', type: 'string' },
  { name: 'edgedevicedetails', type: 'string' },
  {
    name: 'tlsdetails',
    type: 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>',
  },
];

/**
 * Partition columns, all projected (no crawler, no ALTER TABLE ADD PARTITION). AWS's
 * example projects only `timestamp` for one account and region; a multi-region trail (and
 * an organization trail) also varies by account and region in the key.
 */
export const CLOUDTRAIL_PARTITION_KEYS: readonly CfnTable.ColumnProperty[] = [
  { name: 'account', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'timestamp', type: 'string' },
];

/** Where the table reads and how partitions are projected. */
export interface CloudTrailTableLayout {
  readonly bucketName: string;
  /** `<keyPrefix>/AWSLogs/`. */
  readonly logsPrefix: string;
  /** Organization trails add `<org-id>/` after `AWSLogs/`. */
  readonly organizationId?: string;
  /** Accounts to project; undefined → injected (every query must name its account(s)). */
  readonly accounts?: readonly string[];
  readonly regions: readonly string[];
  /** `yyyy/MM/dd`, first projected day. */
  readonly since: string;
}

/** Glue table input for the CloudTrail table over `layout`. */
export function cloudTrailTableInput(
  name: string,
  layout: CloudTrailTableLayout,
): CfnTable.TableInputProperty {
  const root = `s3://${layout.bucketName}/${layout.logsPrefix}${
    layout.organizationId ? `${layout.organizationId}/` : ''
  }`;
  return {
    name,
    description: 'CloudTrail log files, with partition projection on account, region and day',
    tableType: 'EXTERNAL_TABLE',
    partitionKeys: [...CLOUDTRAIL_PARTITION_KEYS],
    parameters: {
      EXTERNAL: 'TRUE',
      classification: 'cloudtrail',
      'projection.enabled': 'true',
      'projection.timestamp.type': 'date',
      'projection.timestamp.format': 'yyyy/MM/dd',
      'projection.timestamp.interval': '1',
      'projection.timestamp.interval.unit': 'DAYS',
      'projection.timestamp.range': `${layout.since},NOW`,
      // No spaces around commas: a space would become part of the value.
      'projection.region.type': 'enum',
      'projection.region.values': layout.regions.join(','),
      ...(layout.accounts
        ? {
            'projection.account.type': 'enum',
            'projection.account.values': layout.accounts.join(','),
          }
        : { 'projection.account.type': 'injected' }),
      // The escaped ${...} are Athena's placeholders, filled per partition at query time.
      'storage.location.template': `${root}\${account}/CloudTrail/\${region}/\${timestamp}`,
    },
    storageDescriptor: {
      location: root,
      columns: [...CLOUDTRAIL_COLUMNS],
      inputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      serdeInfo: { serializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe' },
    },
  };
}

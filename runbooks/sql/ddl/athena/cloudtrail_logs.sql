-- CloudTrail table for trailwatch runbooks on Athena: the AWS-documented columns
-- (Hive JsonSerDe; JSON objects such as requestparameters stay STRING holding JSON)
-- with partition projection over an organization trail's S3 layout:
--   s3://<BUCKET>/AWSLogs/<ORG_ID>/<ACCOUNT>/CloudTrail/<REGION>/yyyy/MM/dd/
-- Replace <BUCKET>, <ORG_ID>, the account and region lists and the range start.
-- For a single-account trail drop the account level: LOCATION and the template
-- become s3://<BUCKET>/AWSLogs/<ACCOUNT>/CloudTrail/${region}/${timestamp}.
-- The column list is checked against runbooks/duckdb/cloudtrail-columns.ts by
-- test/runbooks/ddl.test.ts, so DuckDB and Athena expose the same table.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_logs (
  eventversion string,
  useridentity struct<
    type:string,
    principalid:string,
    arn:string,
    accountid:string,
    invokedby:string,
    accesskeyid:string,
    username:string,
    onbehalfof:struct<userid:string,identitystorearn:string>,
    sessioncontext:struct<
      attributes:struct<mfaauthenticated:string,creationdate:string>,
      sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,
      ec2roledelivery:string,
      webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>,
  eventtime string,
  eventsource string,
  eventname string,
  awsregion string,
  sourceipaddress string,
  useragent string,
  errorcode string,
  errormessage string,
  requestparameters string,
  responseelements string,
  additionaleventdata string,
  requestid string,
  eventid string,
  readonly string,
  resources array<struct<arn:string,accountid:string,type:string>>,
  eventtype string,
  apiversion string,
  recipientaccountid string,
  serviceeventdetails string,
  sharedeventid string,
  vpcendpointid string,
  vpcendpointaccountid string,
  eventcategory string,
  addendum struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>,
  sessioncredentialfromconsole string,
  edgedevicedetails string,
  tlsdetails struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>
)
PARTITIONED BY (account string, region string, `timestamp` string)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://<BUCKET>/AWSLogs/<ORG_ID>/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.account.type' = 'enum',
  'projection.account.values' = '111122223333,444455556666',
  'projection.region.type' = 'enum',
  'projection.region.values' = 'us-east-1,us-west-2,eu-west-1',
  'projection.timestamp.type' = 'date',
  'projection.timestamp.format' = 'yyyy/MM/dd',
  'projection.timestamp.range' = '2024/01/01,NOW',
  'projection.timestamp.interval' = '1',
  'projection.timestamp.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://<BUCKET>/AWSLogs/<ORG_ID>/${account}/CloudTrail/${region}/${timestamp}'
);

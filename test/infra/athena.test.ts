import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { AthenaCatalog } from '../../infra/lib/athena.js';
import { CLOUDTRAIL_COLUMNS } from '../../infra/lib/cloudtrail-table.js';
import {
  ACCESS_LOG_BIGINT_COLUMNS,
  ACCESS_LOG_COLUMNS,
  ACCESS_LOG_LINE_PATTERN,
} from '../../runbooks/duckdb/access-log-table.js';
import { accessLogLine } from '../fixtures/access-logs/lines.js';
import { tableInputOf } from './glue-tables.js';
import { CONTROL_TOWER_CONTEXT, synth } from './support.js';

describe('AthenaCatalog: the CloudTrail table', () => {
  const table = tableInputOf(synth());

  it('reads CloudTrail files the way AWS documents: Hive JSON SerDe and CloudTrailInputFormat', () => {
    expect(table.StorageDescriptor).toMatchObject({
      InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe' },
    });
    const columns = (table.StorageDescriptor.Columns as { Name: string }[]).map((c) => c.Name);
    expect(columns).toEqual(CLOUDTRAIL_COLUMNS.map((c) => c.name));
    expect(columns).toEqual(
      expect.arrayContaining([
        'useridentity',
        'eventsource',
        'eventname',
        'requestparameters',
        'tlsdetails',
      ]),
    );
  });

  it('projects day, region and account partitions; no crawler or partition maintenance', () => {
    expect(table.PartitionKeys.map((k) => k.Name)).toEqual(['account', 'region', 'timestamp']);
    expect(table.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.timestamp.type': 'date',
      'projection.timestamp.format': 'yyyy/MM/dd',
      'projection.timestamp.interval': '1',
      'projection.timestamp.interval.unit': 'DAYS',
      'projection.timestamp.range': '2020/01/01,NOW',
      'projection.region.type': 'enum',
      'projection.account.type': 'enum',
      'projection.account.values': { Ref: 'AWS::AccountId' },
    });
    expect(String(table.Parameters['projection.region.values'])).not.toMatch(/\s/);
    expect(String(table.Parameters['projection.region.values']).split(',')).toContain('us-east-1');
  });

  it('locates partitions under AWSLogs/<account>/CloudTrail/<region>/<day>', () => {
    expect(table.Parameters['storage.location.template']).toEqual({
      'Fn::Join': [
        '',
        [
          's3://trailwatch-cloudtrail-',
          { Ref: 'AWS::AccountId' },
          '-',
          { Ref: 'AWS::Region' },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena placeholders
          '/AWSLogs/${account}/CloudTrail/${region}/${timestamp}',
        ],
      ],
    });
  });

  const controlTowerTable = tableInputOf(
    synth({ ...CONTROL_TOWER_CONTEXT, trailRegions: 'eu-west-1,us-east-1' }),
  );
  const listedAccountsTable = tableInputOf(
    synth({ organizationId: 'o-a1b2c3d4e5', trailAccounts: '111122223333,444455556666' }),
  );

  it('adds the organization id and key prefix for an organization trail, and injects accounts', () => {
    const orgTable = controlTowerTable;

    expect(orgTable.Parameters).toMatchObject({
      'projection.account.type': 'injected',
      'projection.region.values': 'eu-west-1,us-east-1',
      'storage.location.template':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena placeholders
        's3://aws-controltower-logs-111122223333-eu-west-1/o-a1b2c3d4e5/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}',
    });
    expect(orgTable.Parameters['projection.account.values']).toBeUndefined();
  });

  it('projects the listed accounts of an organization trail as an enum', () => {
    const orgTable = listedAccountsTable;

    expect(orgTable.Parameters).toMatchObject({
      'projection.account.type': 'enum',
      'projection.account.values': '111122223333,444455556666',
    });
  });
});

describe('AthenaCatalog: the S3 access-log table', () => {
  const template = synth();
  const table = tableInputOf(template, 's3_access_logs');
  const imported = tableInputOf(synth(CONTROL_TOWER_CONTEXT), 's3_access_logs');
  const accessLogsBucket = { Ref: expect.stringMatching(/^AccessLogs[0-9A-F]{8}$/) };
  const resultsBucket = { Ref: expect.stringMatching(/^AthenaResultsBucket/) };

  it('has the columns the runbook queries read, typed as the DuckDB twin types them', () => {
    expect(table.StorageDescriptor.Columns).toEqual(
      ACCESS_LOG_COLUMNS.map((name) => ({
        Name: name,
        Type: ACCESS_LOG_BIGINT_COLUMNS.has(name) ? 'bigint' : 'string',
      })),
    );
    expect(table.StorageDescriptor.Columns).toContainEqual({ Name: 'bytessent', Type: 'bigint' });
    expect(table.StorageDescriptor.Columns).toContainEqual({ Name: 'httpstatus', Type: 'string' });
  });

  it('reads text lines with RegexSerDe and the pattern the DuckDB side and the repo DDL use', () => {
    expect(table.StorageDescriptor).toMatchObject({
      InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      SerdeInfo: {
        SerializationLibrary: 'org.apache.hadoop.hive.serde2.RegexSerDe',
        Parameters: { 'serialization.format': '1', 'input.regex': ACCESS_LOG_LINE_PATTERN },
      },
    });
  });

  it('captures one group per column from a logged line, and a field count short of 27 too', () => {
    // Prepare: a current line (27 fields) and one from before the last 9 fields existed.
    const line = accessLogLine({ ip: '203.0.113.50', bytesSent: 4242 });
    const shortLine = line.split(' ').slice(0, -9).join(' ');
    const pattern = new RegExp(table.StorageDescriptor.SerdeInfo.Parameters['input.regex']);

    // Act
    const groups = pattern.exec(line)?.slice(1);
    const shortGroups = pattern.exec(shortLine)?.slice(1);

    // Assess
    expect(groups).toHaveLength(ACCESS_LOG_COLUMNS.length);
    expect(groups?.[ACCESS_LOG_COLUMNS.indexOf('remoteip')]).toBe('203.0.113.50');
    expect(groups?.[ACCESS_LOG_COLUMNS.indexOf('bytessent')]).toBe('4242');
    expect(shortGroups?.[ACCESS_LOG_COLUMNS.indexOf('remoteip')]).toBe('203.0.113.50');
  });

  it('projects the logged buckets and days from the partitioned keys S3 writes', () => {
    expect(table.PartitionKeys).toEqual([
      { Name: 'source_bucket', Type: 'string' },
      { Name: 'timestamp', Type: 'string' },
    ]);
    expect(table.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.source_bucket.type': 'enum',
      'projection.timestamp.type': 'date',
      'projection.timestamp.format': 'yyyy/MM/dd',
      'projection.timestamp.interval': '1',
      'projection.timestamp.interval.unit': 'DAYS',
      'projection.timestamp.range': '2020/01/01,NOW',
    });
    const root = [
      's3://',
      accessLogsBucket,
      '/s3-access-logs/',
      { Ref: 'AWS::AccountId' },
      '/',
      { Ref: 'AWS::Region' },
    ];
    expect(table.StorageDescriptor.Location).toEqual({ 'Fn::Join': ['', [...root, '/']] });
    expect(table.Parameters['storage.location.template']).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena placeholders
      'Fn::Join': ['', [...root, '/${source_bucket}/${timestamp}']],
    });
  });

  it('projects the trail bucket and the results bucket, or only the results bucket of an imported trail', () => {
    expect(table.Parameters['projection.source_bucket.values']).toEqual({
      'Fn::Join': [
        '',
        [
          'trailwatch-cloudtrail-',
          { Ref: 'AWS::AccountId' },
          '-',
          { Ref: 'AWS::Region' },
          ',',
          resultsBucket,
        ],
      ],
    });
    expect(imported.Parameters['projection.source_bucket.values']).toEqual(resultsBucket);
  });

  it('lives in the trailwatch database, created after it', () => {
    const [id, resource] =
      Object.entries(template.findResources('AWS::Glue::Table')).find(
        ([, r]) => r.Properties.TableInput.Name === 's3_access_logs',
      ) ?? [];
    expect(id).toBeDefined();
    expect(resource?.Properties.DatabaseName).toBe('trailwatch');
    expect(resource?.DependsOn).toEqual([expect.stringMatching(/^AthenaDatabase/)]);
  });
});

describe('AthenaCatalog: the workgroup', () => {
  const template = synth();

  it('enforces an encrypted result location in a private bucket, and caps bytes scanned', () => {
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'trailwatch',
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: Match.anyValue(),
        ResultConfiguration: {
          OutputLocation: {
            'Fn::Join': [
              '',
              ['s3://', { Ref: Match.stringLikeRegexp('^AthenaResultsBucket') }, '/results/'],
            ],
          },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
          ExpectedBucketOwner: { Ref: 'AWS::AccountId' },
        },
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30 })] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true }),
      BucketEncryption: Match.anyValue(),
    });
  });

  const renamed = synth({ stackName: 'Audit-Prod' });

  it('names the database and workgroup after the stack', () => {
    renamed.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'audit_prod' } });
    renamed.hasResourceProperties('AWS::Athena::WorkGroup', { Name: 'audit_prod' });
  });

  it('saves named queries in the workgroup and database (the runbook extension point)', () => {
    // Prepare
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Test');
    new AthenaCatalog(stack, 'Athena', {
      layout: {
        bucketName: 'logs',
        logsPrefix: 'AWSLogs/',
        regions: ['eu-west-1'],
        since: '2024/01/01',
      },
      accessLogsBucket: new Bucket(stack, 'AccessLogs'),
      name: 'tw',
      namedQueries: [
        {
          id: 'WhoStoppedLogging',
          name: 'cloudtrail-tampering: who stopped logging',
          queryString:
            "SELECT useridentity.arn FROM cloudtrail_logs WHERE eventname = 'StopLogging'",
        },
      ],
    });

    // Act
    const template = Template.fromStack(stack);

    // Assess
    template.hasResourceProperties('AWS::Athena::NamedQuery', {
      Name: 'cloudtrail-tampering: who stopped logging',
      Database: 'tw',
      WorkGroup: 'tw',
    });
    template.resourceCountIs('AWS::Athena::WorkGroup', 1);
    expect(Object.keys(template.findResources('AWS::Athena::NamedQuery'))).toHaveLength(1);
  });
});

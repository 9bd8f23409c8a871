import { describe, it } from 'vitest';
import { ACCOUNT, cloudTrailEvent, identities, OTHER_ACCOUNT } from '../helpers/events.js';
import { type EvasionCase, expectCaught, expectQuiet } from './engine-findings.js';

/**
 * Trail blinding without StopLogging: selectors that quietly drop event sources,
 * names or read/write types, encryption or delivery moved outside the account,
 * and log retention cut on the bucket or log group. Records follow the CloudTrail,
 * S3 and CloudWatch Logs API references and the records those services write.
 */

const TRAIL = 'org-trail';
const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${TRAIL}`;
const LOG_BUCKET = 'aws-cloudtrail-logs-111122223333-org';
const SETTINGS = { logBuckets: [LOG_BUCKET] };
const OUR_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const FOREIGN_KEY = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`;

/** PutEventSelectors: the request names the trail, the response echoes the selectors with the ARN. */
function putSelectors(selectors: Record<string, unknown>) {
  return cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'PutEventSelectors',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: { trailName: TRAIL, ...selectors },
    responseElements: { trailARN: TRAIL_ARN, ...selectors },
  });
}

const management = (...extra: Record<string, unknown>[]) => ({
  name: 'Management events',
  fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }, ...extra],
});

const advanced = (...selectors: Record<string, unknown>[]) => ({
  advancedEventSelectors: selectors,
});

const s3Data = (...extra: Record<string, unknown>[]) => ({
  name: 'Payroll objects',
  fieldSelectors: [
    { field: 'eventCategory', equals: ['Data'] },
    { field: 'resources.type', equals: ['AWS::S3::Object'] },
    ...extra,
  ],
});

const lambdaData = {
  name: 'Lambda invokes',
  fieldSelectors: [
    { field: 'eventCategory', equals: ['Data'] },
    { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
  ],
};

const payrollObjects = [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::payroll-exports/'] }];

/** UpdateTrail / CreateTrail: the request carries what is set, the response the resulting trail. */
function trailCall(
  eventName: 'UpdateTrail' | 'CreateTrail',
  request: Record<string, unknown>,
  response: Record<string, unknown> = {},
) {
  return cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: { name: TRAIL, ...request },
    responseElements: {
      name: TRAIL,
      s3BucketName: LOG_BUCKET,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      trailARN: TRAIL_ARN,
      logFileValidationEnabled: true,
      isOrganizationTrail: false,
      ...response,
    },
  });
}

/** PutBucketLifecycle as S3 logs it (also for PutBucketLifecycleConfiguration): XML turned into JSON. */
function putLifecycle(bucket: string, rule: unknown) {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketLifecycle',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      lifecycle: '',
      LifecycleConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', Rule: rule },
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
  });
}

/** CloudWatch Logs PutRetentionPolicy: no response body. */
function putRetention(logGroupName: string, retentionInDays: number | string) {
  return cloudTrailEvent({
    eventSource: 'logs.amazonaws.com',
    eventName: 'PutRetentionPolicy',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: { logGroupName, retentionInDays },
    responseElements: null,
  });
}

/** `days` after the records' event time (2026-11-20). */
const dateAfter = (days: number) =>
  new Date(Date.parse('2026-11-20T00:00:00Z') + days * 86_400_000).toISOString();

const SELECTORS = 'cloudtrail-event-selectors-narrowed';
const TRAIL_UPDATED = 'cloudtrail-trail-updated';
const LIFECYCLE = 's3-lifecycle-expiration-short';
const LOGS = 'cloudwatch-logs-deleted';

const cases: readonly EvasionCase[] = [
  {
    name: 'advanced selector drops IAM with eventSource NotStartsWith',
    evasion: putSelectors(
      advanced(management({ field: 'eventSource', notStartsWith: ['iam.'] }), lambdaData),
    ),
    control: putSelectors(advanced(management(), lambdaData)),
    detector: SELECTORS,
    severity: 'high',
  },
  {
    name: 'advanced selector drops KMS with eventSource NotEquals',
    evasion: putSelectors(
      advanced(management({ field: 'eventSource', notEquals: ['kms.amazonaws.com'] })),
    ),
    control: putSelectors(
      advanced(
        management(),
        s3Data({ field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::payroll-exports/tmp/'] }),
      ),
    ),
    detector: SELECTORS,
    severity: 'medium',
  },
  {
    name: 'advanced selector drops STS with eventSource NotEndsWith',
    evasion: putSelectors(
      advanced(management({ field: 'eventSource', notEndsWith: ['sts.amazonaws.com'] })),
    ),
    control: putSelectors(
      advanced(
        management(),
        s3Data({ field: 'eventName', notEquals: ['GetObject', 'HeadObject'] }),
      ),
    ),
    detector: SELECTORS,
    severity: 'high',
  },
  {
    name: 'basic selector excludes KMS and RDS Data API events',
    evasion: putSelectors({
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          dataResources: [],
          excludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
        },
      ],
    }),
    control: putSelectors({
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          dataResources: payrollObjects,
          excludeManagementEventSources: [],
        },
      ],
    }),
    detector: SELECTORS,
    severity: 'medium',
  },
  {
    name: 'management events kept for two services only (eventSource Equals)',
    evasion: putSelectors(
      advanced(
        management({ field: 'eventSource', equals: ['s3.amazonaws.com', 'ec2.amazonaws.com'] }),
      ),
    ),
    control: putSelectors(
      advanced(
        management({ field: 'readOnly', equals: ['true'] }),
        management({ field: 'readOnly', equals: ['false'] }),
      ),
    ),
    detector: SELECTORS,
    severity: 'high',
  },
  {
    name: 'management selector filters out event names',
    evasion: putSelectors(
      advanced(management({ field: 'eventName', notEquals: ['ConsoleLogin', 'StopLogging'] })),
    ),
    control: putSelectors(
      advanced(management(), s3Data({ field: 'eventName', equals: ['PutObject', 'DeleteObject'] })),
    ),
    detector: SELECTORS,
    severity: 'high',
  },
  {
    name: 'management selector keeps reads only, beside a data selector',
    evasion: putSelectors(
      advanced(management({ field: 'readOnly', equals: ['true'] }), lambdaData),
    ),
    control: putSelectors({
      eventSelectors: [
        { readWriteType: 'All', includeManagementEvents: 'true', dataResources: payrollObjects },
      ],
    }),
    detector: SELECTORS,
    severity: 'high',
  },
  {
    name: 'read and write selectors whose write half drops KMS',
    evasion: putSelectors(
      advanced(
        management({ field: 'readOnly', equals: ['true'] }),
        management(
          { field: 'readOnly', equals: ['false'] },
          { field: 'eventSource', notEquals: ['kms.amazonaws.com'] },
        ),
      ),
    ),
    control: putSelectors(
      advanced(
        management({ field: 'readOnly', equals: ['true'] }),
        management({ field: 'readOnly', equals: ['false'] }),
        lambdaData,
      ),
    ),
    detector: SELECTORS,
    severity: 'medium',
  },
  {
    name: 'UpdateTrail encrypts with a KMS key in another account',
    evasion: trailCall('UpdateTrail', { kmsKeyId: FOREIGN_KEY }, { kmsKeyId: FOREIGN_KEY }),
    control: trailCall('UpdateTrail', { kmsKeyId: OUR_KEY }, { kmsKeyId: OUR_KEY }),
    detector: TRAIL_UPDATED,
    severity: 'high',
  },
  {
    name: 'UpdateTrail names a key by an alias ARN in another account',
    evasion: trailCall('UpdateTrail', {
      kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:alias/trail-logs`,
    }),
    control: trailCall('UpdateTrail', { kmsKeyId: 'alias/trail-logs' }),
    detector: TRAIL_UPDATED,
    severity: 'high',
  },
  {
    name: 'CreateTrail encrypts with a KMS key in another account',
    evasion: trailCall(
      'CreateTrail',
      { s3BucketName: LOG_BUCKET, isMultiRegionTrail: true, kmsKeyId: FOREIGN_KEY },
      { kmsKeyId: FOREIGN_KEY },
    ),
    control: trailCall(
      'CreateTrail',
      { s3BucketName: LOG_BUCKET, isMultiRegionTrail: true, kmsKeyId: OUR_KEY },
      { kmsKeyId: OUR_KEY },
    ),
    settings: SETTINGS,
    detector: TRAIL_UPDATED,
    severity: 'medium',
  },
  {
    name: 'UpdateTrail delivers to a look-alike bucket outside logBuckets',
    evasion: trailCall(
      'UpdateTrail',
      { s3BucketName: 'aws-cloudtrail-logs-111122223333-0rg' },
      { s3BucketName: 'aws-cloudtrail-logs-111122223333-0rg' },
    ),
    control: trailCall('UpdateTrail', { s3BucketName: LOG_BUCKET }),
    settings: SETTINGS,
    detector: TRAIL_UPDATED,
    severity: 'medium',
  },
  {
    name: 'UpdateTrail turns off multi-region and global events as strings',
    evasion: trailCall('UpdateTrail', {
      isMultiRegionTrail: 'false',
      includeGlobalServiceEvents: 'False',
    }),
    control: trailCall('UpdateTrail', {
      isMultiRegionTrail: 'true',
      includeGlobalServiceEvents: 'True',
    }),
    detector: TRAIL_UPDATED,
    severity: 'high',
  },
  {
    name: 'trail bucket lifecycle expires logs after "3" days in one of several rules',
    evasion: putLifecycle(LOG_BUCKET, [
      {
        ID: 'archive',
        Status: 'Enabled',
        Filter: { Prefix: 'AWSLogs/' },
        Transition: { Days: '30', StorageClass: 'GLACIER' },
      },
      {
        ID: 'tidy',
        Status: 'Enabled',
        Filter: { And: { Prefix: 'AWSLogs/', Tag: { Key: 'class', Value: 'logs' } } },
        Expiration: { Days: '3' },
      },
    ]),
    control: putLifecycle(LOG_BUCKET, [
      {
        ID: 'archive',
        Status: 'Enabled',
        Filter: { Prefix: 'AWSLogs/' },
        Transition: { Days: '30', StorageClass: 'GLACIER' },
      },
      {
        ID: 'tidy',
        Status: 'Enabled',
        Filter: {},
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: '3' },
      },
    ]),
    settings: SETTINGS,
    detector: LIFECYCLE,
    severity: 'high',
  },
  {
    name: 'trail bucket lifecycle expires old versions after a day',
    evasion: putLifecycle(LOG_BUCKET, {
      ID: 'versions',
      Status: 'Enabled',
      Filter: { Prefix: '' },
      Expiration: { Days: 3650 },
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    }),
    control: putLifecycle(LOG_BUCKET, {
      ID: 'versions',
      Status: 'Enabled',
      Filter: { Prefix: '' },
      Expiration: { Days: 3650 },
      NoncurrentVersionExpiration: { NoncurrentDays: 400 },
    }),
    settings: SETTINGS,
    detector: LIFECYCLE,
    severity: 'high',
  },
  {
    name: 'trail bucket retention cut to 30 days',
    evasion: putLifecycle(LOG_BUCKET, {
      ID: 'retention',
      Status: 'Enabled',
      Filter: { Prefix: 'AWSLogs/' },
      Expiration: { Days: 30 },
    }),
    control: putLifecycle(LOG_BUCKET, {
      ID: 'retention',
      Status: 'Enabled',
      Filter: { Prefix: 'AWSLogs/' },
      Expiration: { Days: 400 },
    }),
    settings: SETTINGS,
    detector: LIFECYCLE,
    severity: 'medium',
  },
  {
    name: 'trail bucket expires everything on a date three weeks away',
    evasion: putLifecycle(LOG_BUCKET, {
      ID: 'sunset',
      Status: 'Enabled',
      Filter: {},
      Expiration: { Date: dateAfter(21) },
    }),
    control: putLifecycle(LOG_BUCKET, {
      ID: 'sunset',
      Status: 'Enabled',
      Filter: {},
      Expiration: { Date: dateAfter(730) },
    }),
    settings: SETTINGS,
    detector: LIFECYCLE,
    severity: 'medium',
  },
  {
    name: 'trail log group retention set to "1" day',
    evasion: putRetention('aws-cloudtrail-logs-111122223333-org', '1'),
    control: putRetention('aws-cloudtrail-logs-111122223333-org', 3653),
    detector: LOGS,
    severity: 'high',
  },
  {
    name: 'trail log group retention cut to two weeks',
    evasion: putRetention('aws-cloudtrail-logs-111122223333-org', 14),
    control: putRetention('/aws/lambda/orders-api', 14),
    detector: LOGS,
    severity: 'medium',
  },
];

describe('trail blinding evasions', () => {
  for (const c of cases) {
    it(`catches: ${c.name}`, () => expectCaught(c));
    it(`stays quiet on the near-miss of: ${c.name}`, () => expectQuiet(c));
  }
});

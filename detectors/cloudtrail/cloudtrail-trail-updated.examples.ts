import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The trail every example updates. */
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`;

/** UpdateTrail as CloudTrail records it: the request fields set, the resulting trail in the response. */
export const updateTrail = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'UpdateTrail',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: { name: 'org-trail', ...requestParameters },
    responseElements: {
      name: 'org-trail',
      s3BucketName: 'aws-cloudtrail-logs-111122223333-org',
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      trailARN: TRAIL_ARN,
      logFileValidationEnabled: true,
      isOrganizationTrail: false,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'trail minimised: single region, no global events, no validation, no KMS',
      events: [
        updateTrail({
          includeGlobalServiceEvents: false,
          isMultiRegionTrail: false,
          enableLogFileValidation: false,
          kmsKeyId: '',
        }),
      ],
    },
    {
      name: 'evasion: log files encrypted with a KMS key of another account',
      events: [
        updateTrail({
          kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`,
        }),
      ],
    },
    {
      name: 'evasion: a new trail encrypting with an alias of another account (medium)',
      events: [
        updateTrail(
          {
            s3BucketName: 'aws-cloudtrail-logs-111122223333-org',
            kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:alias/trail-logs`,
          },
          { eventName: 'CreateTrail' },
        ),
      ],
    },
    {
      name: 'log delivery moved to another bucket (medium: not in logBuckets)',
      events: [updateTrail({ s3BucketName: 'attacker-owned-bucket' })],
    },
    {
      name: 'CloudWatch Logs delivery removed',
      events: [updateTrail({ cloudWatchLogsLogGroupArn: '', cloudWatchLogsRoleArn: '' })],
    },
    {
      name: 'denied weakening (an attempt)',
      events: [failed(updateTrail({ isMultiRegionTrail: false }))],
    },
  ],
  noFire: [
    { name: 'SNS notification topic set', events: [updateTrail({ snsTopicName: 'trail-notify' })] },
    {
      name: 'trail strengthened: multi-region, validation, KMS key',
      events: [
        updateTrail({
          isMultiRegionTrail: true,
          enableLogFileValidation: true,
          kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        }),
      ],
    },
    {
      name: 'delivery set to a listed log bucket',
      settings: { logBuckets: ['aws-cloudtrail-logs-111122223333-org'] },
      events: [updateTrail({ s3BucketName: 'aws-cloudtrail-logs-111122223333-org' })],
    },
    {
      name: 'a new single-region trail with our own key',
      events: [
        updateTrail(
          {
            s3BucketName: 'aws-cloudtrail-logs-111122223333-org',
            isMultiRegionTrail: false,
            kmsKeyId: 'alias/trail-logs',
          },
          { eventName: 'CreateTrail' },
        ),
      ],
    },
    {
      name: 'weakening of a trail that does not exist',
      events: [failed(updateTrail({ isMultiRegionTrail: false }), 'TrailNotFoundException')],
    },
    {
      name: 'a denied SNS topic change (not a weakening)',
      events: [failed(updateTrail({ snsTopicName: 'trail-notify' }))],
    },
  ],
};

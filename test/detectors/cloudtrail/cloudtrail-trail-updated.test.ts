import { describe, expect, it } from 'vitest';
import {
  TRAIL_ARN,
  updateTrail,
} from '../../../detectors/cloudtrail/cloudtrail-trail-updated.examples.js';
import { cloudtrailTrailUpdated } from '../../../detectors/cloudtrail/cloudtrail-trail-updated.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, failed, identities, OTHER_ACCOUNT } from '../../helpers/events.js';

describe('Detector: cloudtrail-trail-updated', () => {
  it('leaves a routine settings change to cloudtrail-config-changed', () => {
    expect(detect(cloudtrailTrailUpdated, updateTrail({ snsTopicName: 'trail-notify' }))).toEqual(
      [],
    );
  });

  it('fires at high when multi-region logging is turned off', () => {
    // Act
    const findings = detect(cloudtrailTrailUpdated, updateTrail({ isMultiRegionTrail: false }));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([TRAIL_ARN]);
    expect(findings[0]?.summary).toContain('multi-region logging turned off');
  });

  it('raises to high for the attacker "minimise the trail" combination', () => {
    const event = updateTrail(
      {
        includeGlobalServiceEvents: false,
        isMultiRegionTrail: false,
        enableLogFileValidation: false,
        kmsKeyId: '',
      },
      { userIdentity: identities.assumedRole('Ops', 'mallory') },
    );

    const finding = detect(cloudtrailTrailUpdated, event)[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('log file validation turned off');
    expect(finding?.summary).toContain('global service events');
    expect(finding?.summary).toContain('KMS encryption removed');
    expect(finding?.dedupKey).not.toContain('mallory');
  });

  it('rates a move to a bucket outside logBuckets medium, and one inside quiet', () => {
    const move = updateTrail({ s3BucketName: 'attacker-owned-bucket' });
    const finding = detect(cloudtrailTrailUpdated, move)[0];

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('attacker-owned-bucket');
    expect(detect(cloudtrailTrailUpdated, move, { logBuckets: ['attacker-owned-bucket'] })).toEqual(
      [],
    );
  });

  it('rates a KMS key of another account high, of a trusted account quiet', () => {
    const key = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`;
    const event = updateTrail({ kmsKeyId: key });

    expect(detect(cloudtrailTrailUpdated, event)[0]?.summary).toContain(OTHER_ACCOUNT);
    expect(detect(cloudtrailTrailUpdated, event)[0]?.severity).toBe('high');
    expect(detect(cloudtrailTrailUpdated, event, { trustedAccounts: [OTHER_ACCOUNT] })).toEqual([]);
  });

  it('judges CreateTrail only by where its logs go', () => {
    const foreignKey = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:alias/logs`;
    const create = (request: Record<string, unknown>) =>
      updateTrail({ s3BucketName: 'org-logs', ...request }, { eventName: 'CreateTrail' });

    expect(detect(cloudtrailTrailUpdated, create({ kmsKeyId: foreignKey }))[0]?.severity).toBe(
      'medium',
    );
    expect(detect(cloudtrailTrailUpdated, create({}), { logBuckets: ['other'] })).toHaveLength(1);
    expect(detect(cloudtrailTrailUpdated, create({}))).toEqual([]);
  });

  it('raises to high when CloudWatch Logs delivery is removed', () => {
    const event = updateTrail({ cloudWatchLogsLogGroupArn: '', cloudWatchLogsRoleArn: '' });

    expect(detect(cloudtrailTrailUpdated, event)[0]?.severity).toBe('high');
  });

  it('reads boolean settings logged as strings', () => {
    const event = updateTrail({ enableLogFileValidation: 'false' });

    expect(detect(cloudtrailTrailUpdated, event)[0]?.severity).toBe('high');
  });

  it('stays quiet when settings are strengthened', () => {
    const event = updateTrail({
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      includeGlobalServiceEvents: true,
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    });

    expect(detect(cloudtrailTrailUpdated, event)).toEqual([]);
  });

  it('falls back to the requested name without a response', () => {
    const event = updateTrail({ enableLogFileValidation: false }, { responseElements: null });

    expect(detect(cloudtrailTrailUpdated, event)[0]?.resources).toEqual(['org-trail']);
  });

  it('reports a denied weakening as an attempt, one level lower', () => {
    const [attempt] = detect(
      cloudtrailTrailUpdated,
      failed(updateTrail({ isMultiRegionTrail: false })),
    );

    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.severity).toBe('medium');
  });

  it('ignores an UpdateTrail call that failed for another reason', () => {
    const event = failed(updateTrail({ isMultiRegionTrail: false }), 'TrailNotFoundException');

    expect(detect(cloudtrailTrailUpdated, event)).toEqual([]);
  });

  it('ignores CreateTrail', () => {
    const event = updateTrail({ isMultiRegionTrail: false }, { eventName: 'CreateTrail' });

    expect(detect(cloudtrailTrailUpdated, event)).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = updateTrail({}, { eventSource: 'other.amazonaws.com' });

    expect(detect(cloudtrailTrailUpdated, event)).toEqual([]);
  });

  it('does not throw on null or odd request parameters', () => {
    const nullParams = updateTrail({}, { requestParameters: null, responseElements: null });
    const odd = updateTrail({ isMultiRegionTrail: { x: 1 }, s3BucketName: 42, kmsKeyId: null });

    expect(detect(cloudtrailTrailUpdated, nullParams)).toEqual([]);
    expect(detect(cloudtrailTrailUpdated, odd)).toEqual([]);
  });
});

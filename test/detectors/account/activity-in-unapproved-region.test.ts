import { describe, expect, it } from 'vitest';
import { activityInUnapprovedRegion } from '../../../detectors/account/activity-in-unapproved-region.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const settings = { allowedRegions: ['eu-west-1'] };

const write = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateVolume',
    awsRegion: 'ap-south-2',
    readOnly: false,
    ...overrides,
  });

describe('Detector: activity-in-unapproved-region', () => {
  it('dedups per account and region, whoever acts', () => {
    const [a] = detect(activityInUnapprovedRegion, write(), settings);
    const [b] = detect(
      activityInUnapprovedRegion,
      write({ eventName: 'RunInstances', userIdentity: undefined }),
      settings,
    );
    const [c] = detect(activityInUnapprovedRegion, write({ awsRegion: 'sa-east-1' }), settings);
    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(a?.dedupKey).not.toBe(c?.dedupKey);
  });

  it('reads readOnly written as a string', () => {
    expect(detect(activityInUnapprovedRegion, write({ readOnly: 'true' }), settings)).toEqual([]);
  });

  it('ignores account-wide services in any region, and sign-in and service events', () => {
    for (const event of [
      write({ eventSource: 'globalaccelerator.amazonaws.com', awsRegion: 'us-west-2' }),
      write({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole' }),
      write({ eventType: 'AwsServiceEvent' }),
      write({ eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com' }),
    ]) {
      expect(detect(activityInUnapprovedRegion, event, settings)).toEqual([]);
    }
  });

  it('ignores events without a region', () => {
    expect(detect(activityInUnapprovedRegion, write({ awsRegion: undefined }), settings)).toEqual(
      [],
    );
  });
});

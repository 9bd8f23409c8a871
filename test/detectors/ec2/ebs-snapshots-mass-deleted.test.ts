import { describe, expect, it } from 'vitest';
import { ebsSnapshotsMassDeleted } from '../../../detectors/ec2/ebs-snapshots-mass-deleted.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const deleteSnapshot = (snapshotId: string, userIdentity = identities.assumedRole('Admin', 'a')) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DeleteSnapshot',
    userIdentity,
    requestParameters: { snapshotId },
  });

describe('Detector: ebs-snapshots-mass-deleted', () => {
  it('counts distinct snapshots per principal, whatever the session name', () => {
    const a = detect(ebsSnapshotsMassDeleted, deleteSnapshot('snap-1'))[0];
    const b = detect(
      ebsSnapshotsMassDeleted,
      deleteSnapshot('snap-2', identities.assumedRole('Admin', 'b')),
    )[0];

    expect(a?.distinctValue).toBe('snap-1');
    expect(a?.dedupKey).toBe(b?.dedupKey);
  });

  it('keeps different principals apart', () => {
    const a = detect(ebsSnapshotsMassDeleted, deleteSnapshot('snap-1'))[0];
    const b = detect(
      ebsSnapshotsMassDeleted,
      deleteSnapshot('snap-1', identities.iamUser('bob')),
    )[0];

    expect(a?.dedupKey).not.toBe(b?.dedupKey);
  });

  it('ignores Data Lifecycle Manager retention', () => {
    const dlm = {
      ...identities.assumedRole('AWSDataLifecycleManagerDefaultRole', 'dlm'),
      invokedBy: 'dlm.amazonaws.com',
    };

    expect(detect(ebsSnapshotsMassDeleted, deleteSnapshot('snap-1', dlm))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { deletionRemains, deletionSeverity } from '../../../detectors/helpers/rds-deletion.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const deletion = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'DeleteDBInstance',
    requestParameters: { dBInstanceIdentifier: 'orders-db', ...requestParameters },
  });

describe('Function: deletionRemains / deletionSeverity', () => {
  it('treats absent deleteAutomatedBackups as deleted, the AWS default', () => {
    const remains = deletionRemains(deletion({ skipFinalSnapshot: true }));

    expect(remains.automatedBackupsKept).toBe(false);
    expect(deletionSeverity(remains)).toBe('high');
  });

  it.each([
    [{ skipFinalSnapshot: true, deleteAutomatedBackups: true }, 'high'],
    [{ skipFinalSnapshot: 'True', deleteAutomatedBackups: 'true' }, 'high'],
    [{ skipFinalSnapshot: true, deleteAutomatedBackups: false }, 'medium'],
    [{ skipFinalSnapshot: false, finalDBSnapshotIdentifier: 'final' }, 'low'],
    [{ finalDBSnapshotIdentifier: 'final', deleteAutomatedBackups: true }, 'low'],
    [{}, 'medium'],
  ] as const)('%j is %s', (request, severity) => {
    expect(deletionSeverity(deletionRemains(deletion(request)))).toBe(severity);
  });

  it('ignores a final snapshot name when the final snapshot is skipped', () => {
    const remains = deletionRemains(
      deletion({ skipFinalSnapshot: true, finalDBSnapshotIdentifier: 'decoy' }),
    );

    expect(remains.finalSnapshot).toBeUndefined();
  });
});

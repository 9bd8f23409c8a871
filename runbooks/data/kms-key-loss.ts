import { kmsKeyChanges, kmsKeyUseFailures, principalTimeline } from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const kmsKeyLoss: Runbook = {
  id: 'kms-key-loss',
  title: 'KMS key disabled or scheduled for deletion',
  summary:
    'A customer managed key was disabled or scheduled for deletion. Everything encrypted with it ' +
    'becomes unreadable, for good once deletion completes: cancel the deletion inside the waiting ' +
    'period, then find out who and why.',
  detectors: [
    'kms-imported-key-material-deleted',
    'kms-key-disabled-or-deleted',
    'kms-key-material-imported',
    'kms-key-policy-opened',
  ],
  severity: {
    P1: 'Deletion scheduled on a key protecting production data by an unknown actor.',
    P2: 'Key disabled by an unknown actor, or calls failing on it (kms-key-use-failures).',
    P3: 'Known administrator, no ticket.',
    P4: 'Planned retirement of an unused key confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'See the key state and deletion date',
        command: 'aws kms describe-key --region {region} --key-id <KEY_ID>',
      },
      {
        title: 'Find what depends on the key',
        detail:
          'kms-key-use-failures lists the callers now failing; the key policy and grants list the intended users.',
        command: 'aws kms list-grants --region {region} --key-id <KEY_ID>',
      },
    ],
    contain: [
      {
        title: 'Cancel the scheduled deletion',
        detail: 'Leaves the key disabled; deletion cannot be undone after the waiting period.',
        command: 'aws kms cancel-key-deletion --region {region} --key-id <KEY_ID>',
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      {
        title: 'Check the key policy was not changed to lock you out',
        command: 'aws kms get-key-policy --region {region} --key-id <KEY_ID> --policy-name default',
      },
    ],
    recover: [
      {
        title: 'Re-enable the key',
        command: 'aws kms enable-key --region {region} --key-id <KEY_ID>',
        approval: true,
      },
      {
        title: 'Confirm the failing callers recover',
        detail: 'Re-run kms-key-use-failures for a window after the re-enable: it should be empty.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Restrict key deletion',
        detail:
          'Key policies and an SCP that allow kms:ScheduleKeyDeletion and kms:DisableKey only to the key administrators role.',
      },
      detectionGapStep,
    ],
  },
  queries: [kmsKeyChanges, kmsKeyUseFailures, principalTimeline],
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html',
  ],
};

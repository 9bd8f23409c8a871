import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

const CLOUDFORMATION = new Set(['cloudformation.amazonaws.com']);

/** An EFS file system was deleted with all its data. */
export const efsFileSystemDeleted: Detector = {
  id: 'efs-file-system-deleted',
  title: 'EFS file system deleted',
  severity: 'medium',
  description:
    'DeleteFileSystem succeeded: the file system and every file on it are gone at once, with ' +
    'no recycle bin; only AWS Backup recovery points or a replica remain. Low when ' +
    'CloudFormation deletes it with a stack; calls through service-linked roles are ignored. ' +
    'Benign causes: decommissioning, test environments torn down by pipelines.',
  attack: ['T1485'],
  references: [
    'https://docs.aws.amazon.com/efs/latest/ug/API_DeleteFileSystem.html',
    'https://docs.aws.amazon.com/efs/latest/ug/logging-using-cloudtrail.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'elasticfilesystem.amazonaws.com', eventNames: ['DeleteFileSystem'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const fileSystem = requestField(event, 'fileSystemId') ?? 'unknown file system';
    return {
      summary: `${principalOf(event)} deleted EFS file system ${fileSystem}`,
      severity: invokedByAnyOf(event, CLOUDFORMATION) ? 'low' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteFileSystem`,
      resources: [fileSystem],
    };
  },
};

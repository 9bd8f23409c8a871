import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteFileSystem as CloudTrail logs it: the id in the request, no response body. */
export const deleteFileSystem = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'elasticfilesystem.amazonaws.com',
    eventName: 'DeleteFileSystem',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { fileSystemId: 'fs-0123456789abcdef0' },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'an administrator deletes a file system', events: [deleteFileSystem()] },
    {
      name: 'CloudFormation deletes it with a stack (low)',
      events: [
        deleteFileSystem({
          userIdentity: {
            ...identities.assumedRole('Deploy', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'mount targets still exist',
      events: [failed(deleteFileSystem(), 'FileSystemInUse', 'File system is in use.')],
    },
    {
      name: 'DeleteMountTarget keeps the data',
      events: [
        deleteFileSystem({
          eventName: 'DeleteMountTarget',
          requestParameters: { mountTargetId: 'fsmt-0123456789abcdef0' },
        }),
      ],
    },
  ],
};

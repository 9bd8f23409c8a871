import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { guarddutyCall } from './guardduty-findings-archived.examples.js';

const deleteDestination = guarddutyCall('DeletePublishingDestination', {
  destinationId: 'a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the S3 export of findings is deleted', events: [deleteDestination] },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteDestination, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'an export is created',
      events: [
        guarddutyCall('CreatePublishingDestination', {
          destinationType: 'S3',
          destinationProperties: {
            destinationArn: 'arn:aws:s3:::org-guardduty-findings',
            kmsKeyArn:
              'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
        }),
      ],
    },
    {
      name: 'the destination does not exist',
      events: [failed(deleteDestination, 'BadRequestException')],
    },
  ],
};

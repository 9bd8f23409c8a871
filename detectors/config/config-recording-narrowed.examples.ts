import { ACCOUNT, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { configCall } from './config-conformance-pack-deleted.examples.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

/** PutConfigurationRecorder with the recorder settings given. */
export const putRecorder = (settings: Record<string, unknown>) =>
  configCall('PutConfigurationRecorder', {
    configurationRecorder: { name: 'default', roleARN: ROLE, ...settings },
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'IAM and security groups excluded from recording',
      events: [
        putRecorder({
          recordingGroup: {
            allSupported: false,
            includeGlobalResourceTypes: false,
            exclusionByResourceTypes: {
              resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::EC2::SecurityGroup'],
            },
            recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
          },
        }),
      ],
    },
    {
      name: 'only one resource type recorded',
      events: [
        putRecorder({
          recordingGroup: { allSupported: false, resourceTypes: ['AWS::EC2::Volume'] },
        }),
      ],
    },
    {
      name: 'recording switched to daily',
      events: [
        putRecorder({
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
          recordingMode: { recordingFrequency: 'DAILY' },
        }),
      ],
    },
    {
      name: 'a denied narrowing (an attempt)',
      events: [
        failed(
          putRecorder({ recordingGroup: { allSupported: false, resourceTypes: [] } }),
          'AccessDeniedException',
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'every supported resource, continuously',
      events: [
        putRecorder({
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
          recordingMode: { recordingFrequency: 'CONTINUOUS' },
        }),
      ],
    },
    {
      name: 'the role is invalid',
      events: [
        failed(
          putRecorder({ recordingGroup: { allSupported: false, resourceTypes: [] } }),
          'InvalidRoleException',
        ),
      ],
    },
  ],
};

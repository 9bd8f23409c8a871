import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { configCall } from './config-conformance-pack-deleted.examples.js';

const deleteRemediation = configCall('DeleteRemediationConfiguration', {
  configRuleName: 's3-bucket-level-public-access-prohibited',
  resourceType: 'AWS::S3::Bucket',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the remediation of a rule is deleted', events: [deleteRemediation] },
    {
      name: 'a bucket is exempted from remediation (low)',
      events: [
        configCall(
          'PutRemediationExceptions',
          {
            configRuleName: 's3-bucket-level-public-access-prohibited',
            resourceKeys: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'staging-exfil' }],
            message: 'temporary',
          },
          { responseElements: { failedBatches: [] } },
        ),
      ],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteRemediation, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'remediation is added to a rule',
      events: [
        configCall('PutRemediationConfigurations', {
          remediationConfigurations: [
            {
              configRuleName: 's3-bucket-level-public-access-prohibited',
              targetType: 'SSM_DOCUMENT',
              targetId: 'AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock',
              automatic: true,
            },
          ],
        }),
      ],
    },
    {
      name: 'no remediation was configured',
      events: [failed(deleteRemediation, 'NoSuchRemediationConfigurationException')],
    },
  ],
};

import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { configCall } from './config-conformance-pack-deleted.examples.js';

const deleteRule = configCall('DeleteOrganizationConfigRule', {
  organizationConfigRuleName: 's3-bucket-public-read-prohibited',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an organization rule is deleted', events: [deleteRule] },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteRule, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'the rule does not exist',
      events: [failed(deleteRule, 'NoSuchOrganizationConfigRuleException')],
    },
    {
      name: 'an organization rule is deployed',
      events: [
        configCall('PutOrganizationConfigRule', {
          organizationConfigRuleName: 's3-bucket-public-read-prohibited',
          organizationManagedRuleMetadata: { ruleIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' },
        }),
      ],
    },
  ],
};

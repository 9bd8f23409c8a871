import { failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { configCall } from './config-conformance-pack-deleted.examples.js';

const deleteAggregator = configCall('DeleteConfigurationAggregator', {
  configurationAggregatorName: 'org-aggregator',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the organization aggregator is deleted', events: [deleteAggregator] },
    {
      name: 'a member withdraws its authorization',
      events: [
        configCall('DeleteAggregationAuthorization', {
          authorizedAccountId: OTHER_ACCOUNT,
          authorizedAwsRegion: 'us-east-1',
        }),
      ],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteAggregator, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'the aggregator does not exist',
      events: [failed(deleteAggregator, 'NoSuchConfigurationAggregatorException')],
    },
    {
      name: 'an authorization is granted',
      events: [
        configCall('PutAggregationAuthorization', {
          authorizedAccountId: OTHER_ACCOUNT,
          authorizedAwsRegion: 'us-east-1',
        }),
      ],
    },
  ],
};

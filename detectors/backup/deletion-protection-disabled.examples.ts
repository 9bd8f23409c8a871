import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const rds = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'ModifyDBCluster',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    dBClusterIdentifier: 'aurora-orders',
    deletionProtection: false,
    applyImmediately: true,
  },
});

const dynamo = cloudTrailEvent({
  eventSource: 'dynamodb.amazonaws.com',
  eventName: 'UpdateTable',
  requestParameters: { tableName: 'customers', deletionProtectionEnabled: false },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an Aurora cluster loses deletion protection', events: [rds] },
    { name: 'a DynamoDB table loses deletion protection', events: [dynamo] },
  ],
  noFire: [
    {
      name: 'deletion protection is turned on',
      events: [
        {
          ...dynamo,
          requestParameters: { tableName: 'customers', deletionProtectionEnabled: true },
        },
      ],
    },
    {
      name: 'a capacity change that does not touch the flag',
      events: [
        {
          ...dynamo,
          requestParameters: {
            tableName: 'customers',
            provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 5 },
          },
        },
      ],
    },
    { name: 'a denied ModifyDBCluster', events: [failed(rds)] },
  ],
};

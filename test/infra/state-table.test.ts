import { describe, it } from 'vitest';
import { STATE_TABLE } from '../../infra/lib/defaults.js';
import { synth } from './support.js';

describe('StateTable', () => {
  const template = synth();

  it('is on-demand, expires items by TTL and has point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: STATE_TABLE.partitionKey, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: STATE_TABLE.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });
});

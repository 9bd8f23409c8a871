import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  DynamoDbAlertStateStore,
  STATE_TABLE_SCHEMA,
} from '../../../alerting/dynamodb-state-store.js';
import {
  createStateStoreFromEnv,
  StateTableConfigError,
} from '../../../alerting/state-store-from-env.js';
import { STATE_TABLE } from '../../../infra/lib/defaults.js';

describe('createStateStoreFromEnv', () => {
  it('returns a DynamoDB store on the table STATE_TABLE_NAME names', () => {
    const store = createStateStoreFromEnv(
      { STATE_TABLE_NAME: ' trailwatch-StateTable-1A2B3C ' },
      { client: new DynamoDBClient({}) },
    );

    expect(store).toBeInstanceOf(DynamoDbAlertStateStore);
    expect((store as DynamoDbAlertStateStore).tableName).toBe('trailwatch-StateTable-1A2B3C');
  });

  it('returns undefined when STATE_TABLE_NAME is unset or blank', () => {
    expect(createStateStoreFromEnv({})).toBeUndefined();
    expect(createStateStoreFromEnv({ STATE_TABLE_NAME: '  ' })).toBeUndefined();
  });

  it('refuses a value that cannot name a table', () => {
    expect(() => createStateStoreFromEnv({ STATE_TABLE_NAME: 'my table' })).toThrow(
      StateTableConfigError,
    );
    expect(() => createStateStoreFromEnv({ STATE_TABLE_NAME: 'ab' })).toThrow(/STATE_TABLE_NAME/);
  });
});

describe('STATE_TABLE_SCHEMA', () => {
  it('matches the key and TTL attribute of the CDK state table', () => {
    expect(STATE_TABLE_SCHEMA).toEqual({ partitionKey: 'pk', ttlAttribute: 'expiresAt' });
    expect(STATE_TABLE_SCHEMA).toEqual(STATE_TABLE);
  });
});

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { STATE_TABLE_SCHEMA } from '../../../alerting/dynamodb-state-store.js';

/** A DynamoDB-compatible server (dynalite, in memory) on a random loopback port. */
export interface LocalDynamo {
  readonly client: DynamoDBClient;
  /** Creates a fresh state table (the CDK table's key schema) and returns its name. */
  createStateTable(): Promise<string>;
  stop(): Promise<void>;
}

export async function startLocalDynamo(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    client,
    async createStateTable() {
      const name = `trailwatch-state-${randomUUID()}`;
      await client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: [{ AttributeName: STATE_TABLE_SCHEMA.partitionKey, KeyType: 'HASH' }],
          AttributeDefinitions: [
            { AttributeName: STATE_TABLE_SCHEMA.partitionKey, AttributeType: 'S' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      // As on DynamoDB, a new table is CREATING for a moment (dynalite flips it on a
      // timer, which a loaded machine can delay): writes before ACTIVE are refused.
      await waitUntilTableExists(
        { client, maxWaitTime: 30, minDelay: 0.05, maxDelay: 0.2 },
        { TableName: name },
      );
      return name;
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

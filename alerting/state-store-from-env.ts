import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDbAlertStateStore,
  type DynamoDbAlertStateStoreOptions,
} from './dynamodb-state-store.js';
import type { AlertStateStore } from './state-store.js';

/** The environment variable naming the shared state table (set by the CDK stack). */
export const STATE_TABLE_ENV = 'STATE_TABLE_NAME';

/**
 * SDK attempts per DynamoDB call (the first included). The SDK's default of 3
 * gives up on a short throttling burst; more attempts ride it out within the
 * Lambda timeout (standard retry mode: exponential backoff, capped at 20 s).
 */
export const STATE_STORE_MAX_ATTEMPTS = 6;

/** `STATE_TABLE_NAME` is set but cannot be a DynamoDB table name. */
export class StateTableConfigError extends Error {
  override readonly name = 'StateTableConfigError';
  constructor(readonly value: string) {
    super(
      `${STATE_TABLE_ENV} is ${JSON.stringify(value.slice(0, 300))}, which is not a DynamoDB ` +
        'table name (3-255 of a-z A-Z 0-9 _ . -); fix the function environment',
    );
  }
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

export interface StateStoreFromEnvDeps extends DynamoDbAlertStateStoreOptions {
  /** Default: a new client in the function's region, {@link STATE_STORE_MAX_ATTEMPTS} attempts. */
  readonly client?: DynamoDBClient;
}

/**
 * The shared DynamoDB store when `STATE_TABLE_NAME` is set, `undefined` when it
 * is not (the aggregator then keeps state in memory: fine for one process, not
 * for several Lambdas). Create it once per container, outside the handler.
 * Throws {@link StateTableConfigError} for a value that cannot name a table, so a
 * broken deployment fails loudly instead of silently losing cross-invocation
 * dedup.
 */
export function createStateStoreFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  deps: StateStoreFromEnvDeps = {},
): AlertStateStore | undefined {
  const raw = env[STATE_TABLE_ENV];
  const table = raw?.trim();
  if (!table) return undefined;
  if (!TABLE_NAME.test(table)) throw new StateTableConfigError(table);
  const { client, ...options } = deps;
  return new DynamoDbAlertStateStore(
    client ?? new DynamoDBClient({ maxAttempts: STATE_STORE_MAX_ATTEMPTS }),
    table,
    options,
  );
}

import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../alerting/state-eviction.js';
import { createS3SqsHandler } from '../../../infra/handlers/s3-sqs.js';
import { floodRecord, stopLogging } from '../../../scripts/generate-state-flood.js';
import {
  context,
  ENV,
  logKey,
  logObjectBody,
  publishesFor,
  s3Notification,
  sqsEvent,
  sqsRecord,
} from './factories.js';

const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);

/** A quarter more distinct principals than one detector may hold in one invocation. */
const PRINCIPALS = Math.floor(DEFAULT_STATE_LIMITS.maxKeysPerDetector * 1.25);

describe('Handler: one S3 object flooded with distinct principals (issue 11)', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });
  afterEach(() => vi.restoreAllMocks());

  it('publishes the StopLogging alert and logs the evicted keys on the "object processed" line', async () => {
    // Prepare: one log file, a denied call from each principal, the StopLogging halfway
    const start = Date.parse('2026-11-20T10:00:00Z');
    const records = Array.from({ length: PRINCIPALS }, (_, i) =>
      floodRecord('access-denied', i, i, start + i * 10),
    );
    records.splice(PRINCIPALS / 2, 0, stopLogging(start + (PRINCIPALS / 2) * 10));
    s3Mock.on(GetObjectCommand).callsFake(() => ({ Body: logObjectBody(records) }));
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const handler = createS3SqsHandler({
      s3: new S3Client({}),
      sns: new SNSClient({ maxAttempts: 1 }),
      logger: new Logger({ serviceName: 'trailwatch-s3-ingest', logLevel: 'INFO' }),
      env: ENV,
    });

    // Act
    const response = await handler(sqsEvent(sqsRecord('1', s3Notification([logKey()]))), context);
    vi.restoreAllMocks();

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const calls = snsMock.commandCalls(PublishCommand) as never;
    expect(publishesFor(calls, 'cloudtrail-logging-stopped')).toHaveLength(1);
    const processed = written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.message === 'object processed');
    const evicted = processed?.evicted as { keys: number; findings: number } | undefined;
    expect(processed?.events).toBe(PRINCIPALS + 1);
    expect(evicted?.keys).toBeGreaterThan(PRINCIPALS - DEFAULT_STATE_LIMITS.maxKeysPerDetector);
    expect(evicted?.findings).toBe(evicted?.keys);
  }, 120_000);
});

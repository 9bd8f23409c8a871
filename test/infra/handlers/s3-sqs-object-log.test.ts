import { Readable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createS3SqsHandler } from '../../../infra/handlers/s3-sqs.js';
import { accessLogLine } from '../../fixtures/access-logs/lines.js';
import {
  context,
  ENV,
  logKey,
  logObjectBody,
  s3Notification,
  sqsEvent,
  sqsRecord,
  stopLogging,
} from './factories.js';

const ACCESS_LOG_KEY =
  's3/111122223333/eu-west-1/amzn-s3-demo-bucket1/2024/05/14/2024-05-14-09-05-12-0A1B2C3D4E5F6789';
const s3Mock = mockClient(S3Client);
const snsMock = mockClient(SNSClient);

/**
 * What the `TrailSilent` metric filter (infra/lib/cloudtrail-files-metric.ts) selects,
 * `{ ($.message = "object processed") && ($.events > 0) }`, over one JSON log line.
 */
function countedAsCloudTrailFile(line: Record<string, unknown>): boolean {
  return line.message === 'object processed' && typeof line.events === 'number' && line.events > 0;
}

/**
 * The JSON lines a real Powertools Logger prints for one invocation: it writes to
 * process.stdout through its own Console, exactly what Lambda sends to the log group.
 */
async function loggedLines(key: string, body: () => unknown): Promise<Record<string, unknown>[]> {
  s3Mock.on(GetObjectCommand).callsFake(() => ({ Body: body() }));
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
  await handler(sqsEvent(sqsRecord('1', s3Notification([key]))), context);
  vi.restoreAllMocks();
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('Handler: the "object processed" log line the TrailSilent alarm counts', () => {
  beforeEach(() => {
    s3Mock.reset();
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });
  afterEach(() => vi.restoreAllMocks());

  it('logs a CloudTrail file with message and its event count at the top level', async () => {
    const lines = await loggedLines(logKey(), () => logObjectBody([stopLogging(), stopLogging()]));

    const processed = lines.filter((l) => l.message === 'object processed');
    expect(processed).toHaveLength(1);
    expect(processed[0]).toMatchObject({
      level: 'INFO',
      object: `s3://org-trail-logs/${logKey()}`,
      events: 2,
    });
    expect(processed.filter(countedAsCloudTrailFile)).toHaveLength(1);
  });

  it('logs an access-log object with 0 events, so the filter does not count it', async () => {
    const text = `${accessLogLine()}\n${accessLogLine({ operation: 'REST.PUT.OBJECT' })}\n`;
    const lines = await loggedLines(ACCESS_LOG_KEY, () => Readable.from([Buffer.from(text)]));

    const processed = lines.filter((l) => l.message === 'object processed');
    expect(processed).toHaveLength(1);
    expect(processed[0]).toMatchObject({ events: 0, accessLogRecords: 2 });
    expect(lines.filter(countedAsCloudTrailFile)).toEqual([]);
  });
});

import 'aws-sdk-client-mock-vitest/extend';
import { Logger } from '@aws-lambda-powertools/logger';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertDeliveryError } from '../../../infra/handlers/deliver.js';
import { createEventBridgeHandler } from '../../../infra/handlers/eventbridge.js';
import { cloudTrailEvent, failed } from '../../helpers/events.js';
import { ENV, eventBridgeEvent, publishesFor, stopLogging, TOPIC } from './factories.js';

const snsMock = mockClient(SNSClient);

const handler = (env: NodeJS.ProcessEnv = ENV) =>
  createEventBridgeHandler({
    sns: new SNSClient({ maxAttempts: 1 }),
    logger: new Logger({ logLevel: 'SILENT' }),
    env,
  });

describe('Handler: EventBridge CloudTrail events', () => {
  beforeEach(() => {
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes an alert for a matching event', async () => {
    const result = await handler({ ALERT_TOPIC_ARN: TOPIC })(eventBridgeEvent(stopLogging()));

    expect(result.published).toBeGreaterThanOrEqual(1);
    const [input] = publishesFor(
      snsMock.commandCalls(PublishCommand),
      'cloudtrail-logging-stopped',
    );
    expect(input?.TopicArn).toBe(TOPIC);
  });

  it('publishes nothing for an ordinary call or one that failed for another reason than a denial', async () => {
    await handler()(eventBridgeEvent(cloudTrailEvent()));
    await handler()(
      eventBridgeEvent(failed(stopLogging(), 'TrailNotFoundException', 'Unknown trail')),
    );

    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);
  });

  it('uses trusted accounts from TRAILWATCH_SETTINGS', async () => {
    const grant = cloudTrailEvent({
      eventSource: 'lambda.amazonaws.com',
      eventName: 'AddPermission20150331v2',
      requestParameters: {
        functionName: 'arn:aws:lambda:us-east-1:111122223333:function:report',
        statementId: 'partner',
        action: 'lambda:InvokeFunction',
        principal: '444455556666',
      },
    });
    const trusted = {
      ...ENV,
      TRAILWATCH_SETTINGS: JSON.stringify({ trustedAccounts: ['444455556666'] }),
    };

    await handler(trusted)(eventBridgeEvent(grant));
    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);

    await handler()(eventBridgeEvent(grant));
    expect(snsMock).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('throws when an alert cannot be published, so Lambda retries the event', async () => {
    snsMock
      .on(PublishCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AuthorizationError' }));

    await expect(handler()(eventBridgeEvent(stopLogging()))).rejects.toBeInstanceOf(
      AlertDeliveryError,
    );
  });

  it('rejects invalid settings at start-up with the variable name', () => {
    expect(() => handler({ ...ENV, TRAILWATCH_SETTINGS: '{"trustedAcounts":[]}' })).toThrow(
      /TRAILWATCH_SETTINGS/,
    );
  });
});

describe('Handler: EventBridge events that did not come from an AWS service', () => {
  /** What PutEvents with a custom source delivers: the envelope EventBridge builds around it. */
  const forged = (source: string) => ({ ...eventBridgeEvent(stopLogging()), source });

  /**
   * Runs the handler with a real Powertools Logger and returns the JSON lines it printed
   * (warnings go to stderr, the rest to stdout; Lambda sends both to the log group).
   */
  async function run(event: unknown) {
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
    try {
      const result = await createEventBridgeHandler({
        sns: new SNSClient({ maxAttempts: 1 }),
        logger: new Logger({ serviceName: 'trailwatch-eventbridge', logLevel: 'INFO' }),
        env: ENV,
      })(event);
      const lines = written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      return { result, lines };
    } finally {
      vi.restoreAllMocks();
    }
  }

  beforeEach(() => {
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('refuses a CloudTrail-shaped event under a custom source, before any detector', async () => {
    // Act
    const { result, lines } = await run(forged('com.example.cloudtrail'));

    // Assess: no alert, one warning naming what was refused.
    expect(result).toEqual({ published: 0, rejected: 1 });
    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);
    expect(lines.filter((l) => l.message === 'event rejected')).toEqual([
      expect.objectContaining({
        level: 'WARN',
        reason: 'source-not-aws',
        source: 'com.example.cloudtrail',
        account: '111122223333',
        id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      }),
    ]);
    expect(lines.some((l) => l.message === 'event processed')).toBe(false);
  });

  it('refuses an event whose envelope account is not the record recipient account', async () => {
    const event = { ...eventBridgeEvent(stopLogging()), account: '444455556666' };

    const { result, lines } = await run(event);

    expect(result).toEqual({ published: 0, rejected: 1 });
    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);
    expect(lines.find((l) => l.message === 'event rejected')).toMatchObject({
      reason: 'account-mismatch',
      account: '444455556666',
      recipientAccountId: '111122223333',
    });
  });

  it('keeps hostile values as JSON fields: a forged source cannot forge a log line', async () => {
    // Prepare: a source that tries to end the line and start a "processed" one.
    const source = 'x"}\n{"message":"object processed","events":5,"source":"';

    // Act
    const { lines } = await run(forged(source));

    // Assess: one line, the value intact inside it; nothing the TrailSilent filter counts.
    expect(lines.map((l) => l.message)).toEqual(['event rejected']);
    expect(lines[0]?.source).toBe(source);
  });

  it('screens each event of an array: the AWS one alerts, the forged one never reaches a detector', async () => {
    const { result } = await run([forged('custom.app'), eventBridgeEvent(stopLogging())]);

    expect(result.rejected).toBe(1);
    expect(
      publishesFor(snsMock.commandCalls(PublishCommand), 'cloudtrail-logging-stopped'),
    ).toHaveLength(1);
  });
});

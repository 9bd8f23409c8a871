import 'aws-sdk-client-mock-vitest/extend';
import { Logger } from '@aws-lambda-powertools/logger';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
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

  it('publishes nothing for an ordinary or failed call', async () => {
    await handler()(eventBridgeEvent(cloudTrailEvent()));
    await handler()(eventBridgeEvent(failed(stopLogging())));

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

import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** PutModelInvocationLoggingConfiguration with the logging configuration given. */
export const putLogging = (loggingConfig: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'bedrock.amazonaws.com',
    eventName: 'PutModelInvocationLoggingConfiguration',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { loggingConfig },
    responseElements: null,
  });

const cloudWatchConfig = {
  logGroupName: '/aws/bedrock/invocations',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/BedrockLogging`,
};

const allData = {
  textDataDeliveryEnabled: true,
  imageDataDeliveryEnabled: true,
  embeddingDataDeliveryEnabled: true,
};

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'every data-delivery flag off',
      events: [
        putLogging({
          cloudWatchConfig,
          textDataDeliveryEnabled: false,
          imageDataDeliveryEnabled: false,
          embeddingDataDeliveryEnabled: false,
        }),
      ],
    },
    { name: 'no destination at all', events: [putLogging({ ...allData })] },
    {
      name: 'a denied weakening (an attempt)',
      events: [failed(putLogging({ ...allData }), 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'CloudWatch logging of all data',
      events: [putLogging({ cloudWatchConfig, ...allData })],
    },
    {
      name: 'text only, to S3',
      events: [
        putLogging({
          s3Config: { bucketName: 'bedrock-invocation-logs', keyPrefix: 'prod/' },
          textDataDeliveryEnabled: true,
          imageDataDeliveryEnabled: false,
        }),
      ],
    },
    {
      name: 'the logging role cannot be assumed',
      events: [failed(putLogging({ cloudWatchConfig }), 'ValidationException')],
    },
  ],
};

import { invokeModel, MODELS } from '../examples/bedrock-events.js';
import { failed, identities } from '../examples/events.js';
import { instanceIdentity, LAPTOP_IP } from '../examples/instance-events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const stolen = { userIdentity: instanceIdentity(), sourceIPAddress: LAPTOP_IP };

/** The invalid request LLMjacking tools send to test access without paying for output. */
const probe = (modelId: string, overrides: Partial<CloudTrailEvent> = {}) =>
  failed(
    invokeModel(modelId, { ...stolen, ...overrides }),
    'ValidationException',
    'Malformed input request, please reformat your input and try again.',
  );

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'five models probed in one region with stolen instance credentials',
      events: [
        probe(MODELS.haiku),
        probe(MODELS.sonnet),
        probe(MODELS.titan),
        probe(MODELS.llama),
        invokeModel(MODELS.mistral, { ...stolen, eventName: 'Converse' }),
      ],
    },
    {
      name: 'evasion: one model across five regions',
      events: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'].map(
        (awsRegion) => probe(MODELS.sonnet, { awsRegion }),
      ),
    },
  ],
  noFire: [
    {
      name: 'an application invoking its one model all day',
      events: Array.from({ length: 20 }, () =>
        invokeModel(MODELS.haiku, { userIdentity: identities.assumedRole('chat-api', 'task-1') }),
      ),
    },
    {
      name: 'two models, each named by id, by ARN, in upper case and through inference profiles',
      events: [
        invokeModel(MODELS.haiku),
        invokeModel(`arn:aws:bedrock:us-east-1::foundation-model/${MODELS.haiku}`),
        invokeModel(`us.${MODELS.haiku}`, { eventName: 'ConverseStream' }),
        invokeModel(`global.${MODELS.haiku}`, { eventName: 'Converse' }),
        invokeModel(MODELS.haiku.toUpperCase(), { eventName: 'InvokeModelWithResponseStream' }),
        invokeModel(MODELS.sonnet),
        invokeModel(`arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${MODELS.sonnet}`),
      ],
    },
    {
      name: 'an evaluation job invoking many models (invokedBy bedrock.amazonaws.com)',
      events: Object.values(MODELS).map((model) =>
        invokeModel(model, {
          userIdentity: {
            ...identities.assumedRole('AmazonBedrockServiceRoleForEvaluation', 'eval-job'),
            invokedBy: 'bedrock.amazonaws.com',
          },
          sourceIPAddress: 'bedrock.amazonaws.com',
        }),
      ),
    },
  ],
};

import { invokeModel, MODELS } from '../examples/bedrock-events.js';
import { failed, identities } from '../examples/events.js';
import { instanceIdentity, LAPTOP_IP } from '../examples/instance-events.js';
import type { DetectorExamples } from '../types.js';

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'stolen instance credentials invoke Claude from a laptop',
      events: [
        invokeModel(MODELS.haiku, { userIdentity: instanceIdentity(), sourceIPAddress: LAPTOP_IP }),
      ],
    },
    {
      name: 'access probe with an invalid request (ValidationException), by an IAM user',
      events: [
        failed(
          invokeModel(MODELS.sonnet, { userIdentity: identities.iamUser('ci-deployer') }),
          'ValidationException',
          'Malformed input request, please reformat your input and try again.',
        ),
      ],
    },
    {
      name: 'evasion: Converse with the model named by its ARN',
      events: [
        invokeModel(`arn:aws:bedrock:us-east-1::foundation-model/${MODELS.nova}`, {
          eventName: 'Converse',
          userIdentity: identities.assumedRole('reporting-task', 'ecs-task-7', 'false'),
        }),
      ],
    },
    {
      name: 'evasion: streaming through a cross-region inference profile, denied',
      events: [
        failed(
          invokeModel(`us.${MODELS.sonnet}`, {
            eventName: 'ConverseStream',
            userIdentity: identities.iamUser('backup-operator'),
          }),
          'AccessDeniedException',
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'a Bedrock agent invoking its model (invokedBy bedrock.amazonaws.com)',
      events: [
        invokeModel(MODELS.haiku, {
          userIdentity: {
            ...identities.assumedRole(
              'AmazonBedrockExecutionRoleForAgents_support',
              'agent-session',
            ),
            invokedBy: 'bedrock.amazonaws.com',
          },
          sourceIPAddress: 'bedrock.amazonaws.com',
        }),
      ],
    },
    {
      name: 'a request without a model id',
      events: [invokeModel(MODELS.haiku, { requestParameters: null })],
    },
    {
      name: 'listing models is not invoking them',
      events: [invokeModel(MODELS.haiku, { eventName: 'GetFoundationModel' })],
    },
  ],
};

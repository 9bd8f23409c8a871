import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const guardrailArn = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456';

const loggingDeleted = cloudTrailEvent({
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'DeleteModelInvocationLoggingConfiguration',
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: null,
  responseElements: null,
});

const guardrailDeleted = cloudTrailEvent({
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'DeleteGuardrail',
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: { guardrailIdentifier: guardrailArn },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'invocation logging deleted', events: [loggingDeleted] },
    { name: 'guardrail deleted', events: [guardrailDeleted] },
    {
      name: 'guardrail updated (medium)',
      events: [
        {
          ...guardrailDeleted,
          eventName: 'UpdateGuardrail',
          requestParameters: {
            guardrailIdentifier: guardrailArn,
            name: 'support-bot',
            blockedInputMessaging: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          },
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed logging deletion', events: [failed(loggingDeleted)] },
    {
      name: 'guardrail created',
      events: [{ ...guardrailDeleted, eventName: 'CreateGuardrail' }],
    },
    {
      name: 'logging configured, not deleted',
      events: [{ ...loggingDeleted, eventName: 'PutModelInvocationLoggingConfiguration' }],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const entitlement = cloudTrailEvent({
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'PutFoundationModelEntitlement',
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
  responseElements: { status: 'SUCCESS' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'model entitlement created', events: [entitlement] },
    {
      name: 'marketplace agreement accepted',
      events: [
        {
          ...entitlement,
          eventName: 'CreateFoundationModelAgreement',
          requestParameters: {
            offerToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
          },
          responseElements: { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
        },
      ],
    },
    {
      name: 'use case form submitted',
      events: [
        {
          ...entitlement,
          eventName: 'PutUseCaseForModelAccess',
          requestParameters: { formData: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
          responseElements: null,
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed entitlement', events: [failed(entitlement, 'AccessDeniedException')] },
    {
      name: 'listing models is not enabling them',
      events: [
        {
          ...entitlement,
          eventName: 'ListFoundationModels',
          readOnly: true,
          requestParameters: null,
        },
      ],
    },
  ],
};

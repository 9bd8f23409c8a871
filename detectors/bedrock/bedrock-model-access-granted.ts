import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** Access to a Bedrock foundation model was requested or granted for the account. */
export const bedrockModelAccessGranted: Detector = {
  id: 'bedrock-model-access-granted',
  title: 'Bedrock foundation model access granted',
  severity: 'medium',
  description:
    'PutFoundationModelEntitlement, CreateFoundationModelAgreement or PutUseCaseForModelAccess ' +
    'succeeded: someone enabled a foundation model (or filed the use case some providers ' +
    'require first). In "LLMjacking", attackers with stolen keys switch on expensive models ' +
    'and resell or abuse the access, running up large bills; enabling models is usually one ' +
    'of their first calls. Benign causes: teams onboarding a new model, platform automation ' +
    'enabling models in new accounts.',
  attack: ['T1496'],
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'bedrock.amazonaws.com',
      eventNames: [
        'PutFoundationModelEntitlement',
        'CreateFoundationModelAgreement',
        'PutUseCaseForModelAccess',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const model = requestString(event, 'modelId');
    const what =
      event.eventName === 'PutUseCaseForModelAccess'
        ? 'submitted a Bedrock model-access use case'
        : `enabled Bedrock model ${model ?? '(unnamed)'}`;
    return {
      summary: `${principalOf(event)} ${what} in ${event.awsRegion ?? 'an unknown region'}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${event.awsRegion ?? ''}`,
      resources: model ? [model] : [],
    };
  },
};

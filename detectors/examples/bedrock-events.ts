import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { cloudTrailEvent } from './events.js';

/**
 * A Bedrock runtime call as CloudTrail records it: event source
 * `bedrock.amazonaws.com`, the model in `requestParameters.modelId`, no prompt
 * and no response (`responseElements: null`).
 */
export function invokeModel(
  modelId: string,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'bedrock.amazonaws.com',
    eventName: 'InvokeModel',
    readOnly: true,
    requestParameters: { modelId },
    responseElements: null,
    userAgent:
      'Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.1.112 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54',
    ...overrides,
  });
}

export const MODELS = {
  haiku: 'anthropic.claude-3-haiku-20240307-v1:0',
  sonnet: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  titan: 'amazon.titan-text-express-v1',
  llama: 'meta.llama3-70b-instruct-v1:0',
  mistral: 'mistral.mistral-large-2402-v1:0',
  nova: 'amazon.nova-pro-v1:0',
} as const;

import type { CloudTrailEvent, EventKey } from '../types.js';
import { calledThroughAwsService } from './aws-service-caller.js';
import { asString, getPath } from './fields.js';
import { isServiceLinkedRoleCaller } from './service-caller.js';

/**
 * Model inference on Amazon Bedrock's runtime endpoint, as CloudTrail logs it:
 * event source `bedrock.amazonaws.com`, the model in `requestParameters.modelId`
 * (prompt and response are never logged). `modelId` is a model id
 * (`anthropic.claude-3-haiku-20240307-v1:0`), an inference profile id
 * (`us.anthropic.claude-…`) or the ARN of either.
 */
export const BEDROCK_INVOCATIONS: readonly EventKey[] = [
  {
    eventSource: 'bedrock.amazonaws.com',
    eventNames: ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'],
  },
];

const MAX_MODEL_CHARS = 2048;

/** Cross-region inference profiles prefix the model id with a geography. */
const PROFILE_GEOGRAPHY = /^(?:us|eu|apac|global|us-gov|jp|au|ca)\./;

/**
 * The model a call invoked, as one spelling per model: lower case, the id alone
 * when given as an ARN, without a cross-region profile's geography (the same
 * model either way). Undefined when absent or not a string.
 */
export function invokedModelOf(event: CloudTrailEvent): string | undefined {
  const raw = asString(getPath(event.requestParameters, 'modelId'))?.trim();
  if (!raw || raw.length > MAX_MODEL_CHARS) return undefined;
  const id = (raw.startsWith('arn:') ? raw.slice(raw.indexOf('/') + 1) : raw).toLowerCase();
  const model = id.replace(PROFILE_GEOGRAPHY, '');
  return model === '' ? undefined : model;
}

/**
 * True when an AWS service invoked the model for its own purpose: a Bedrock agent,
 * knowledge base or evaluation job (`invokedBy`, service-linked roles).
 */
export function invokedByAwsService(event: CloudTrailEvent): boolean {
  return calledThroughAwsService(event) || isServiceLinkedRoleCaller(event);
}

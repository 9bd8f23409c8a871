import { actorOf } from '../helpers/actor.js';
import {
  BEDROCK_INVOCATIONS,
  invokedByAwsService,
  invokedModelOf,
} from '../helpers/bedrock-invocation.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import type { Detector } from '../types.js';

/** A principal invoked a Bedrock model for the first time in 90 days. */
export const bedrockInvokeFirstSeenPrincipal: Detector = {
  id: 'bedrock-invoke-first-seen-principal',
  title: 'Bedrock model invoked by a principal for the first time',
  severity: 'medium',
  description:
    'A principal called InvokeModel, InvokeModelWithResponseStream, Converse or ' +
    'ConverseStream on Amazon Bedrock and had not invoked any model in 90 days, after a ' +
    '7-day learning period. In "LLMjacking", attackers holding stolen keys or instance ' +
    'credentials run (or resell) expensive model inference on the victim’s bill; the ' +
    'credentials they steal usually belong to principals that never invoke models. Failed ' +
    'calls count too: attackers test access with deliberately invalid requests that fail ' +
    'with ValidationException, and AccessDenied shows the attempt. IAM Identity Center ' +
    'users are told apart by session name, other roles by role. Invocations made by AWS ' +
    'services (Bedrock agents, knowledge bases, evaluation jobs) are ignored. Calls to the ' +
    'bedrock-mantle endpoint (OpenAI-compatible APIs) are not covered. Benign causes: a new ' +
    'application or team adopting Bedrock, an engineer trying the console playground.',
  attack: ['T1496', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: BEDROCK_INVOCATIONS,
  match(event) {
    if (invokedByAwsService(event)) return undefined;
    const model = invokedModelOf(event);
    if (!model) return undefined;
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    const failed = event.errorCode ? ` (failed: ${event.errorCode})` : '';
    return {
      summary: `${principalOf(event)} invoked Bedrock model ${model} in ${event.awsRegion ?? 'an unknown region'} for the first time${failed}`,
      dedupKey: actor,
      resources: [model],
      firstSeenKey: `${actor}|bedrock-invoke`,
    };
  },
};

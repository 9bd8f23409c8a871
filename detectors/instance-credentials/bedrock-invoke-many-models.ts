import { actorOf } from '../helpers/actor.js';
import {
  BEDROCK_INVOCATIONS,
  invokedByAwsService,
  invokedModelOf,
} from '../helpers/bedrock-invocation.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import type { Detector } from '../types.js';

/** One principal invoked many Bedrock models, or one model in many regions, within an hour. */
export const bedrockInvokeManyModels: Detector = {
  id: 'bedrock-invoke-many-models',
  title: 'Bedrock models invoked across many models or regions',
  severity: 'medium',
  description:
    'One principal invoked at least 5 different Bedrock model and region pairs within an ' +
    'hour (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream). ' +
    'Applications call one or two models in their own region; "LLMjacking" tooling run ' +
    'with stolen credentials sweeps models and regions to find which ones the account can ' +
    'use, often with deliberately invalid requests, so failed calls count too. A model named ' +
    'by id, by ARN or through a cross-region inference profile counts once per region. IAM ' +
    'Identity Center users are told apart by session name, other roles by role. ' +
    'Invocations made by AWS services (agents, evaluation jobs) are ignored. Benign causes: ' +
    'model comparisons and evaluations run by a person or a test suite, multi-region ' +
    'failover designs.',
  attack: ['T1496', 'T1526'],
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 5, windowSeconds: 3600, distinct: true },
  listensTo: BEDROCK_INVOCATIONS,
  match(event) {
    if (invokedByAwsService(event)) return undefined;
    const model = invokedModelOf(event);
    if (!model) return undefined;
    const region = (event.awsRegion ?? 'unknown').toLowerCase();
    return {
      summary: `${principalOf(event)} invoked Bedrock models across models and regions, among them ${model} in ${region}`,
      dedupKey: `${accountOf(event)}|${actorOf(event)}`,
      resources: [model],
      distinctValue: `${region} ${model}`,
    };
  },
};

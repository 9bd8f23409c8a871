import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function guardrailChange(event: CloudTrailEvent): FindingDraft {
  const guardrail = requestString(event, 'guardrailIdentifier') ?? 'an unnamed guardrail';
  const version = requestString(event, 'guardrailVersion');
  const deletedAll = event.eventName === 'DeleteGuardrail' && !version;
  const what =
    event.eventName === 'UpdateGuardrail'
      ? 'changed Bedrock guardrail'
      : version
        ? `deleted version ${version} of Bedrock guardrail`
        : 'deleted Bedrock guardrail';
  return {
    summary: `${principalOf(event)} ${what} ${guardrail}`,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${guardrail}`,
    resources: [guardrail],
    // Updates are everyday tuning and a single deleted version leaves the guardrail in place.
    severity: deletedAll ? 'high' : 'medium',
  };
}

/** Bedrock guardrails deleted or changed, or model-invocation logging removed. */
export const bedrockGuardrailOrLoggingRemoved: Detector = {
  id: 'bedrock-guardrail-or-logging-removed',
  title: 'Bedrock guardrail or invocation logging removed',
  severity: 'high',
  description:
    'DeleteModelInvocationLoggingConfiguration turned off the record of prompts and responses, ' +
    'or DeleteGuardrail removed a guardrail (high); UpdateGuardrail, or deleting one version ' +
    'of a guardrail, is medium. Attackers abusing models (LLMjacking, jailbreaks for harmful ' +
    'content) remove logging to hide what they generate and guardrails to lift content ' +
    'filters. Benign causes: cost-driven logging changes, guardrail tuning and cleanup.',
  attack: ['T1562.008', 'T1562.001'],
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteGuardrail.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'bedrock.amazonaws.com',
      eventNames: [
        'DeleteModelInvocationLoggingConfiguration',
        'DeleteGuardrail',
        'UpdateGuardrail',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.eventName !== 'DeleteModelInvocationLoggingConfiguration') {
      return guardrailChange(event);
    }
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} deleted Bedrock model-invocation logging in ${region}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|logging|${region}`,
    };
  },
};

import { getPath, isFalse, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** The kinds of data a Bedrock invocation log can carry. */
const DELIVERY_FLAGS = [
  'textDataDeliveryEnabled',
  'imageDataDeliveryEnabled',
  'embeddingDataDeliveryEnabled',
  'videoDataDeliveryEnabled',
];

/** How a logging configuration records nothing useful, in words; undefined when it still records. */
function weakening(config: unknown): string | undefined {
  const hasDestination =
    getPath(config, 'cloudWatchConfig') != null || getPath(config, 's3Config') != null;
  if (!hasDestination) return 'no log destination';
  const flags = DELIVERY_FLAGS.map((flag) => getPath(config, flag));
  const anyOn = flags.some((value) => isTrue(value));
  const anyOff = flags.some((value) => isFalse(value));
  return anyOff && !anyOn ? 'no prompt or response data delivered' : undefined;
}

/** Bedrock model-invocation logging reconfigured to record nothing. */
export const bedrockInvocationLoggingWeakened: Detector = {
  id: 'bedrock-invocation-logging-weakened',
  title: 'Bedrock invocation logging weakened',
  severity: 'medium',
  description:
    'PutModelInvocationLoggingConfiguration succeeded with a configuration that keeps ' +
    'logging on in name only: no CloudWatch Logs or S3 destination, or every data-delivery ' +
    'flag (text, image, embedding, video) set false, so prompts and responses are no longer ' +
    'recorded. Attackers abusing models (LLMjacking, generating harmful content) do this ' +
    'instead of deleting the configuration, which bedrock-guardrail-or-logging-removed ' +
    'reports. Calls through service-linked roles are ignored. Denied attempts are reported ' +
    'one level lower. Benign causes: privacy decisions not to keep prompt data, cost ' +
    'reduction.',
  attack: ['T1562.008'],
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'bedrock.amazonaws.com',
      eventNames: ['PutModelInvocationLoggingConfiguration'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const config = getPath(event.requestParameters, 'loggingConfig');
    if (config === undefined || config === null) return undefined;
    const what = weakening(config);
    if (!what) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} reconfigured Bedrock invocation logging in ${region}: ${what}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|logging|${region}`,
      resources: [`Bedrock invocation logging in ${region}`],
    };
  },
};

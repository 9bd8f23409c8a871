import { asArray, asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

function upper(value: unknown): string | undefined {
  return asString(value)?.trim().toUpperCase();
}

/** How a PutConfigurationRecorder request records less than every supported resource, in words. */
function narrowings(recorder: unknown): string[] {
  const found: string[] = [];
  const group = getPath(recorder, 'recordingGroup');
  const strategy = upper(getPath(group, 'recordingStrategy', 'useOnly'));
  const excluded = asArray(getPath(group, 'exclusionByResourceTypes', 'resourceTypes'));
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES' || excluded.length > 0) {
    const names = excluded.flatMap((t) => asString(t) ?? []).slice(0, 5);
    found.push(`resource types excluded${names.length > 0 ? ` (${names.join(', ')})` : ''}`);
  } else if (
    strategy === 'INCLUSION_BY_RESOURCE_TYPES' ||
    isFalse(getPath(group, 'allSupported'))
  ) {
    const count = asArray(getPath(group, 'resourceTypes')).length;
    found.push(`only ${count} listed resource type${count === 1 ? '' : 's'} recorded`);
  }
  const mode = getPath(recorder, 'recordingMode');
  const daily =
    upper(getPath(mode, 'recordingFrequency')) === 'DAILY' ||
    asArray(getPath(mode, 'recordingModeOverrides')).some(
      (o) => upper(getPath(o, 'recordingFrequency')) === 'DAILY',
    );
  if (daily) found.push('daily instead of continuous recording');
  return found;
}

/** The AWS Config recorder told to record fewer resources, or only once a day. */
export const configRecordingNarrowed: Detector = {
  id: 'config-recording-narrowed',
  title: 'AWS Config recording narrowed',
  severity: 'medium',
  description:
    'PutConfigurationRecorder succeeded with a recording group that no longer records every ' +
    'supported resource type (an inclusion list, allSupported false, or excluded types), or ' +
    'with daily instead of continuous recording. The recorder keeps running, so this blinds ' +
    'Config more quietly than stopping it: changes to the excluded types (IAM, security ' +
    'groups, buckets) leave no configuration history and no rule evaluates them. Calls ' +
    'through service-linked roles are ignored; config-service-changed reports every recorder ' +
    'change at low. Denied attempts are reported one level lower. Benign causes: cost ' +
    'tuning that excludes high-churn types, Control Tower or landing-zone baselines that ' +
    'record a chosen set.',
  attack: ['T1562.001', 'T1562.008'],
  references: [
    'Config.1',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'config.amazonaws.com', eventNames: ['PutConfigurationRecorder'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const recorder = getPath(event.requestParameters, 'configurationRecorder');
    const found = narrowings(recorder);
    if (found.length === 0) return undefined;
    const name = asString(getPath(recorder, 'name'))?.trim() || 'default';
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} narrowed AWS Config recorder ${name} in ${region}: ${found.join(', ')}`,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|RecorderNarrowed|${name}`,
      resources: [name],
    };
  },
};

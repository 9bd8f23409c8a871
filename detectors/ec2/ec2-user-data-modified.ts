import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * ModifyInstanceAttribute is logged in two shapes: the attribute as its own
 * key (`{"instanceId", "userData": {...}}`) or named in `attribute` with the
 * content in `value`. CloudTrail hides the content either way.
 */
function changesUserData(event: CloudTrailEvent): boolean {
  const request = event.requestParameters;
  const named = asString(getPath(request, 'attribute'))?.trim().toLowerCase();
  if (named === 'userdata') return true;
  const direct = getPath(request, 'userData');
  return direct !== undefined && direct !== null;
}

/** An instance's user data (its boot-time script) was replaced. */
export const ec2UserDataModified: Detector = {
  id: 'ec2-user-data-modified',
  title: 'EC2 instance user data modified',
  severity: 'high',
  description:
    'ModifyInstanceAttribute changed the user data of an instance. User data runs as root at ' +
    'boot (cloud-init runs scripts on every boot when told to), so an attacker who can stop, ' +
    'modify and start an instance gets code execution, persistence and its role credentials ' +
    "without logging in. CloudTrail hides the new content; look at the instance's user data " +
    'and for StopInstances and StartInstances around this change. Benign causes: ' +
    'configuration-management or golden-image tooling that rewrites user data, manual fixes ' +
    'of a broken bootstrap.',
  attack: ['T1037', 'T1578'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['ModifyInstanceAttribute'] }],
  match(event) {
    if (!succeeded(event) || !changesUserData(event)) return undefined;
    const instance = requestString(event, 'instanceId') ?? 'an unnamed instance';
    return {
      summary: `${principalOf(event)} replaced the user data (boot script) of ${instance}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${instance}`,
      resources: [instance],
    };
  },
};

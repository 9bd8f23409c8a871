import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * The policies AWS puts on a user whose access key it found exposed (public
 * repositories, paste sites): the managed quarantine policies by ARN, and their
 * inline predecessor by name.
 */
const QUARANTINE_ARN =
  /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/AWSCompromisedKeyQuarantine(?:V\d+)?$/i;
const QUARANTINE_NAME =
  /^(?:AWSCompromisedKeyQuarantine(?:V\d+)?|AWSExposedCredentialPolicy_DO_NOT_REMOVE)$/i;

function quarantinePolicy(event: CloudTrailEvent): string | undefined {
  const arn = requestString(event, 'policyArn')?.trim();
  if (arn && QUARANTINE_ARN.test(arn)) return arn;
  const name = requestString(event, 'policyName')?.trim();
  if (name && QUARANTINE_NAME.test(name)) return name;
  return undefined;
}

/** AWS quarantined an IAM user because one of its access keys was found exposed. */
export const iamCompromisedKeyQuarantine: Detector = {
  id: 'iam-compromised-key-quarantine',
  title: 'AWS quarantined an exposed access key',
  severity: 'critical',
  description:
    'An AWSCompromisedKeyQuarantine policy (V1, V2, V3, or the older inline ' +
    'AWSExposedCredentialPolicy_DO_NOT_REMOVE) was attached to or put on an IAM user. AWS does ' +
    'this when it finds the user’s access key exposed publicly, usually with a support case. ' +
    'The policy only denies some actions: the key is still a live credential until rotated, ' +
    'and anything done with it before quarantine must be reviewed. Benign causes: responders ' +
    'applying the same policy by hand as containment (still an incident).',
  attack: ['T1552.001', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCompromisedKeyQuarantineV3.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 86400,
  listensTo: [
    { eventSource: 'iam.amazonaws.com', eventNames: ['AttachUserPolicy', 'PutUserPolicy'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const policy = quarantinePolicy(event);
    if (!policy) return undefined;
    const user =
      requestString(event, 'userName') ?? event.userIdentity?.userName ?? 'an unnamed user';
    return {
      summary: `${principalOf(event)} quarantined IAM user ${user} with ${policy}: its access key was exposed`,
      dedupKey: `${accountOf(event)}|${user}`,
      resources: [user],
    };
  },
};

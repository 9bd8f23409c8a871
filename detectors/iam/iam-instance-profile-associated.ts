import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { soundsPrivileged } from '../helpers/privileged-name.js';
import { deepField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * The profile as asked for (`IamInstanceProfile.Name` or `.Arn` inside EC2's
 * `<Action>Request` wrapper) or as EC2 answered (`iamInstanceProfile.arn`).
 */
function profileOf(event: CloudTrailEvent): string | undefined {
  return (
    deepField(event.requestParameters, ['Arn', 'Name'], 4) ??
    deepField(event.responseElements, ['arn'], 5)
  );
}

/** The last path segment of a profile ARN, or the name itself. */
function profileName(profile: string): string {
  const slash = profile.lastIndexOf('/');
  return slash >= 0 ? profile.slice(slash + 1) : profile;
}

/** A role handed to a running EC2 instance (instance profile associated or replaced). */
export const iamInstanceProfileAssociated: Detector = {
  id: 'iam-instance-profile-associated',
  title: 'IAM instance profile attached to or swapped on an EC2 instance',
  severity: 'medium',
  description:
    'AssociateIamInstanceProfile or ReplaceIamInstanceProfileAssociation succeeded: a running ' +
    'instance now carries a different role. With iam:PassRole and a shell on any instance (or ' +
    'its user data), an attacker gives that instance a powerful role and reads its ' +
    'credentials from the metadata service: privilege escalation without touching a policy. ' +
    'High when the profile’s name sounds administrative. Calls AWS services make (Systems ' +
    'Manager Quick Setup, Auto Scaling) are ignored. Refused attempts are reported too (one ' +
    'level lower). Benign causes: fixing an instance launched without a profile, rolling out ' +
    'a new role.',
  attack: ['T1098.003', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateIamInstanceProfile.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceIamInstanceProfileAssociation.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: ['AssociateIamInstanceProfile', 'ReplaceIamInstanceProfileAssociation'],
    },
  ],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const profile = profileOf(event) ?? 'an unnamed instance profile';
    const instance =
      deepField(event.requestParameters, ['InstanceId'], 3) ??
      deepField(event.responseElements, ['instanceId'], 4) ??
      deepField(event.requestParameters, ['AssociationId'], 3) ??
      'an instance';
    const verb = event.eventName === 'AssociateIamInstanceProfile' ? 'attached' : 'swapped in';
    return {
      summary: `${principalOf(event)} ${verb} instance profile ${profile} on ${instance}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${profile}`,
      resources: [profile, instance],
      severity: soundsPrivileged(profileName(profile)) ? 'high' : 'medium',
    };
  },
};

import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { soundsPrivileged } from '../helpers/privileged-name.js';
import type { Detector } from '../types.js';

/** A role put into an instance profile: every instance using the profile now gets its credentials. */
export const iamRoleAddedToInstanceProfile: Detector = {
  id: 'iam-role-added-to-instance-profile',
  title: 'IAM role added to an instance profile',
  severity: 'medium',
  description:
    'AddRoleToInstanceProfile succeeded. An instance profile hands its role’s credentials to ' +
    'every EC2 instance that uses it, through the metadata service; putting a powerful role ' +
    'into a profile that an instance under the attacker’s control already carries (or will ' +
    'carry) turns a foothold into that role, with no policy change anywhere. High when the ' +
    'role’s name sounds administrative. Calls made through AWS services (CloudFormation, ' +
    'Elastic Beanstalk) are ignored. Refused attempts are reported too (one level lower). ' +
    'Benign causes: infrastructure-as-code creating a new instance role and its profile.',
  attack: ['T1098.003', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['AddRoleToInstanceProfile'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const role = requestString(event, 'roleName') ?? 'an unnamed role';
    const profile = requestString(event, 'instanceProfileName') ?? 'an unnamed instance profile';
    return {
      summary: `${principalOf(event)} added role ${role} to instance profile ${profile}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${profile.toLowerCase()}`,
      resources: [
        `arn:aws:iam::${accountOf(event)}:instance-profile/${profile}`,
        `arn:aws:iam::${accountOf(event)}:role/${role}`,
      ],
      severity: soundsPrivileged(role) ? 'high' : 'medium',
    };
  },
};

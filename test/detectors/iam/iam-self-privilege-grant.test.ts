import { describe, expect, it } from 'vitest';
import { iamCall } from '../../../detectors/iam/iam-self-privilege-grant.examples.js';
import { iamSelfPrivilegeGrant } from '../../../detectors/iam/iam-self-privilege-grant.js';
import { detect } from '../../helpers/detect.js';
import { identities } from '../../helpers/events.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('Detector: iam-self-privilege-grant', () => {
  it('fires when an IAM user attaches a policy to itself, whatever the case of its name', () => {
    const [finding] = detect(
      iamSelfPrivilegeGrant,
      iamCall('AttachUserPolicy', { userName: 'DEV-INTERN', policyArn: ADMIN }),
    );

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toBe(
      `arn:aws:iam::111122223333:user/dev-intern attached a managed policy to its own user (${ADMIN})`,
    );
    expect(finding?.resources).toEqual(['arn:aws:iam::111122223333:user/dev-intern']);
  });

  it('fires when a role session removes its own role’s boundary', () => {
    const event = iamCall(
      'DeleteRolePermissionsBoundary',
      { roleName: 'Reporting-Task' },
      { userIdentity: identities.assumedRole('reporting-task', 'job-17') },
    );

    expect(detect(iamSelfPrivilegeGrant, event)[0]?.summary).toBe(
      'arn:aws:sts::111122223333:assumed-role/reporting-task/job-17 removed the permissions boundary of its own role',
    );
  });

  it('keys alerts on the role, not on the session name', () => {
    const call = (session: string) =>
      iamCall(
        'PutRolePolicy',
        { roleName: 'reporting-task', policyName: 'p', policyDocument: '{}' },
        { userIdentity: identities.assumedRole('reporting-task', session) },
      );

    expect(detect(iamSelfPrivilegeGrant, call('a'))[0]?.dedupKey).toBe(
      detect(iamSelfPrivilegeGrant, call('b'))[0]?.dedupKey,
    );
  });

  it.each([
    [
      'a role rewriting its own trust policy (iam-role-trust-policy-backdoor judges it)',
      'UpdateAssumeRolePolicy',
      { roleName: 'reporting-task' },
    ],
    [
      'a user naming a role of the same name',
      'AttachRolePolicy',
      { roleName: 'dev-intern', policyArn: ADMIN },
    ],
    ['a user acting on no one', 'PutUserPolicy', {}],
  ])('ignores %s', (_label, eventName, requestParameters) => {
    const userIdentity =
      eventName === 'UpdateAssumeRolePolicy'
        ? identities.assumedRole('reporting-task', 'x')
        : undefined;
    const event = iamCall(eventName, requestParameters, userIdentity ? { userIdentity } : {});

    expect(detect(iamSelfPrivilegeGrant, event)).toEqual([]);
  });

  it('ignores CloudFormation acting with the caller’s credentials', () => {
    const event = iamCall(
      'AttachUserPolicy',
      { userName: 'dev-intern', policyArn: ADMIN },
      {
        userIdentity: {
          ...identities.iamUser('dev-intern'),
          invokedBy: 'cloudformation.amazonaws.com',
        },
      },
    );

    expect(detect(iamSelfPrivilegeGrant, event)).toEqual([]);
  });
});

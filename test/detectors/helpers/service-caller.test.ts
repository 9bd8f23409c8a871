import { describe, expect, it } from 'vitest';
import {
  invokedByAnyOf,
  isAwsServiceCaller,
  isServiceLinkedRoleCaller,
} from '../../../detectors/helpers/service-caller.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const slrSession = (issuerArn: string) =>
  cloudTrailEvent({
    userIdentity: {
      ...identities.assumedRole('AWSServiceRoleForSecurityHub', 'securityhub'),
      sessionContext: { sessionIssuer: { type: 'Role', arn: issuerArn } },
    },
  });

describe('isServiceLinkedRoleCaller', () => {
  it('recognises a session issued by a role under /aws-service-role/', () => {
    const event = slrSession(
      'arn:aws:iam::111122223333:role/aws-service-role/securityhub.amazonaws.com/AWSServiceRoleForSecurityHub',
    );

    expect(isServiceLinkedRoleCaller(event)).toBe(true);
  });

  it('does not trust a customer role that only borrows the name', () => {
    const event = slrSession('arn:aws:iam::111122223333:role/AWSServiceRoleForSecurityHub');

    expect(isServiceLinkedRoleCaller(event)).toBe(false);
  });

  it('is false for users, root and missing identities', () => {
    expect(isServiceLinkedRoleCaller(cloudTrailEvent())).toBe(false);
    expect(isServiceLinkedRoleCaller(cloudTrailEvent({ userIdentity: identities.root() }))).toBe(
      false,
    );
    expect(isServiceLinkedRoleCaller(cloudTrailEvent({ userIdentity: null }))).toBe(false);
  });
});

describe('isAwsServiceCaller', () => {
  it('is true for an AWSService identity', () => {
    expect(isAwsServiceCaller(cloudTrailEvent({ userIdentity: identities.awsService() }))).toBe(
      true,
    );
  });

  it('is false for an assumed role of a person', () => {
    expect(isAwsServiceCaller(cloudTrailEvent({ userIdentity: identities.assumedRole() }))).toBe(
      false,
    );
  });
});

describe('invokedByAnyOf', () => {
  const backup = new Set(['backup.amazonaws.com']);

  it('matches the invoking service without regard to case', () => {
    const event = cloudTrailEvent({
      userIdentity: {
        ...identities.assumedRole('AWSBackupDefaultServiceRole', 'AWSBackup'),
        invokedBy: 'Backup.amazonaws.com',
      },
    });

    expect(invokedByAnyOf(event, backup)).toBe(true);
  });

  it('is false without invokedBy or for another service', () => {
    expect(invokedByAnyOf(cloudTrailEvent(), backup)).toBe(false);
    expect(
      invokedByAnyOf(
        cloudTrailEvent({ userIdentity: identities.awsService('dlm.amazonaws.com') }),
        backup,
      ),
    ).toBe(false);
  });
});

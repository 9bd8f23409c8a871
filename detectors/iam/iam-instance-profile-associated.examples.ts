import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const PROFILE_ARN = 'arn:aws:iam::111122223333:instance-profile/web-server';

/** AssociateIamInstanceProfile in EC2's wrapped request shape, with the association EC2 returns. */
export const associateProfile = (
  profile: Record<string, string> = { Name: 'web-server' },
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'AssociateIamInstanceProfile',
    userIdentity: identities.assumedRole('ops', 'mallory'),
    requestParameters: {
      AssociateIamInstanceProfileRequest: {
        InstanceId: 'i-0598c7d356eba48d7',
        IamInstanceProfile: profile,
      },
    },
    responseElements: {
      AssociateIamInstanceProfileResponse: {
        xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
        requestId: '6d4bd2d4-1ab5-4a48-9ab5-EXAMPLE',
        iamInstanceProfileAssociation: {
          associationId: 'iip-assoc-0e7736511a163c209',
          instanceId: 'i-0598c7d356eba48d7',
          iamInstanceProfile: { arn: PROFILE_ARN, id: 'AIPAJBLK7RKJKWDXVHIEC' },
          state: 'associating',
        },
      },
    },
    ...overrides,
  });

const replaceProfile = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'ReplaceIamInstanceProfileAssociation',
  userIdentity: identities.assumedRole('ops', 'mallory'),
  requestParameters: {
    ReplaceIamInstanceProfileAssociationRequest: {
      AssociationId: 'iip-assoc-0044d817db6c0a4ba',
      IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/AdminAccessProfile' },
    },
  },
  responseElements: {
    ReplaceIamInstanceProfileAssociationResponse: {
      requestId: '0b0c6b8e-3d1d-4c2b-9c3e-EXAMPLE',
      iamInstanceProfileAssociation: {
        associationId: 'iip-assoc-09654be48e33b91e0',
        instanceId: 'i-0598c7d356eba48d7',
        iamInstanceProfile: {
          arn: 'arn:aws:iam::111122223333:instance-profile/AdminAccessProfile',
          id: 'AIPAI5IVIHMFFYY2DKV5Y',
        },
        state: 'associating',
      },
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'profile attached by name', events: [associateProfile()] },
    { name: 'admin profile swapped in by ARN (high)', events: [replaceProfile] },
    {
      name: 'refused attempt (EC2 error code)',
      events: [failed(associateProfile(), 'Client.UnauthorizedOperation')],
    },
  ],
  noFire: [
    {
      name: 'Systems Manager Quick Setup attaching its profile',
      events: [
        associateProfile(
          { Name: 'AmazonSSMRoleForInstancesQuickSetup' },
          {
            userIdentity: {
              ...identities.assumedRole('AWS-QuickSetup-HostMgmtRole', 'qs'),
              invokedBy: 'ssm.amazonaws.com',
            },
          },
        ),
      ],
    },
    {
      name: 'the instance already has a profile',
      events: [failed(associateProfile(), 'IncorrectState')],
    },
    {
      name: 'profile removed (DisassociateIamInstanceProfile)',
      events: [
        associateProfile(undefined, {
          eventName: 'DisassociateIamInstanceProfile',
          requestParameters: {
            DisassociateIamInstanceProfileRequest: { AssociationId: 'iip-assoc-0e7736511a163c209' },
          },
        }),
      ],
    },
  ],
};

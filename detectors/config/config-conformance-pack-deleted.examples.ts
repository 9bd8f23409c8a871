import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A Config call with no response body, as DeleteConformancePack and its kin log. */
export const configCall = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'config.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements: null,
    ...overrides,
  });

const deletePack = configCall('DeleteConformancePack', {
  conformancePackName: 'Operational-Best-Practices-for-CIS',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a conformance pack is deleted', events: [deletePack] },
    {
      name: 'an organization conformance pack is deleted (high)',
      events: [
        configCall('DeleteOrganizationConformancePack', {
          organizationConformancePackName: 'org-cis-baseline',
        }),
      ],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deletePack, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'AWS Config withdraws an organization pack from a member',
      events: [
        configCall(
          'DeleteConformancePack',
          { conformancePackName: 'OrgConformsPack-org-cis-baseline-abcd1234' },
          {
            userIdentity: {
              type: 'AssumedRole',
              principalId: 'AROAEXAMPLESLR:AWSConfig-Conformance',
              arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForConfigMultiAccountSetup/AWSConfig-Conformance',
              accountId: '111122223333',
              sessionContext: {
                sessionIssuer: {
                  type: 'Role',
                  principalId: 'AROAEXAMPLESLR',
                  arn: 'arn:aws:iam::111122223333:role/aws-service-role/config-multiaccountsetup.amazonaws.com/AWSServiceRoleForConfigMultiAccountSetup',
                  accountId: '111122223333',
                  userName: 'AWSServiceRoleForConfigMultiAccountSetup',
                },
              },
            },
          },
        ),
      ],
    },
    {
      name: 'the pack does not exist',
      events: [failed(deletePack, 'NoSuchConformancePackException')],
    },
    {
      name: 'a pack is deployed',
      events: [
        configCall('PutConformancePack', {
          conformancePackName: 'cis',
          templateS3Uri: 's3://packs/cis.yaml',
        }),
      ],
    },
  ],
};

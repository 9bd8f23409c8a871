import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** A Security Hub call: JSON bodies in the API's own (Pascal) case. */
export const securityhubCall = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  responseElements: Record<string, unknown> | null = null,
) =>
  cloudTrailEvent({
    eventSource: 'securityhub.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements,
  });

const disableAdmin = securityhubCall('DisableOrganizationAdminAccount', {
  AdminAccountId: OTHER_ACCOUNT,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the delegated administrator is removed (high)', events: [disableAdmin] },
    {
      name: 'the finding aggregator is deleted (medium)',
      events: [
        securityhubCall('DeleteFindingAggregator', {
          FindingAggregatorArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:finding-aggregator/123e4567-e89b-12d3-a456-426652340000`,
        }),
      ],
    },
    {
      name: 'new members no longer get Security Hub (medium)',
      events: [securityhubCall('UpdateOrganizationConfiguration', { AutoEnable: false })],
    },
    {
      name: 'a denied removal (an attempt)',
      events: [failed(disableAdmin, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'auto-enable turned on with default standards',
      events: [
        securityhubCall('UpdateOrganizationConfiguration', {
          AutoEnable: true,
          AutoEnableStandards: 'DEFAULT',
        }),
      ],
    },
    {
      name: 'not called from the management account',
      events: [failed(disableAdmin, 'InvalidAccessException')],
    },
  ],
};

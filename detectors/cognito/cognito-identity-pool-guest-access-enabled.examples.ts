import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const POOL = 'us-east-1:2dg778b3-50b7-565c-0f56-34200EXAMPLE';

/** UpdateIdentityPool as CloudTrail logs it: the whole configuration in, and echoed back. */
export const updatePool = (allowGuests: boolean, overrides: Partial<CloudTrailEvent> = {}) => {
  const config = {
    identityPoolId: POOL,
    identityPoolName: 'MobileAppPool',
    allowUnauthenticatedIdentities: allowGuests,
    allowClassicFlow: false,
    cognitoIdentityProviders: [
      {
        providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_aaaaaaaaa',
        clientId: '1example23456789',
        serverSideTokenCheck: false,
      },
    ],
  };
  return cloudTrailEvent({
    eventSource: 'cognito-identity.amazonaws.com',
    eventName: 'UpdateIdentityPool',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: config,
    responseElements: config,
    ...overrides,
  });
};

const setRoles = (roles: Record<string, string>) =>
  cloudTrailEvent({
    eventSource: 'cognito-identity.amazonaws.com',
    eventName: 'SetIdentityPoolRoles',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { identityPoolId: POOL, roles },
    responseElements: null,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'guest access switched on', events: [updatePool(true)] },
    {
      name: 'a new pool created with guest access (CreateIdentityPool)',
      events: [
        cloudTrailEvent({
          eventSource: 'cognito-identity.amazonaws.com',
          eventName: 'CreateIdentityPool',
          requestParameters: {
            identityPoolName: 'TestPool',
            allowUnauthenticatedIdentities: true,
            supportedLoginProviders: { 'graph.facebook.com': '000000000000000' },
          },
          responseElements: {
            identityPoolName: 'TestPool',
            identityPoolId: POOL,
            allowUnauthenticatedIdentities: true,
            supportedLoginProviders: { 'graph.facebook.com': '000000000000000' },
          },
        }),
      ],
    },
    {
      name: 'the guest role replaced',
      events: [
        setRoles({
          authenticated: 'arn:aws:iam::111122223333:role/Cognito_MobileAppAuth_Role',
          unauthenticated: 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole',
        }),
      ],
    },
    { name: 'refused attempt', events: [failed(updatePool(true), 'AccessDeniedException')] },
  ],
  noFire: [
    { name: 'an update that keeps guests out', events: [updatePool(false)] },
    {
      name: 'only the authenticated role set',
      events: [
        setRoles({ authenticated: 'arn:aws:iam::111122223333:role/Cognito_MobileAppAuth_Role' }),
      ],
    },
    {
      name: 'pool does not exist',
      events: [failed(updatePool(true), 'ResourceNotFoundException')],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * Identity-source changes are console operations whose request bodies AWS does
 * not document; the examples carry the directory id only, and the detector
 * judges these calls by name and caller alone.
 */
export const directoryCall = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sso-directory.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('OrganizationAccountAccessRole', 'mallory'),
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0',
    requestParameters: { directoryId: 'd-9067642ac7' },
    responseElements: null,
    ...overrides,
  });

/** CreateTrustedTokenIssuer, a documented public API: an outside OIDC issuer trusted by Identity Center. */
const trustedTokenIssuer = cloudTrailEvent({
  eventSource: 'sso.amazonaws.com',
  eventName: 'CreateTrustedTokenIssuer',
  userIdentity: identities.assumedRole('OrganizationAccountAccessRole', 'mallory'),
  requestParameters: {
    instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
    name: 'partner-idp',
    trustedTokenIssuerType: 'OIDC_JWT',
    trustedTokenIssuerConfiguration: {
      oidcJwtConfiguration: {
        issuerUrl: 'https://idp.example.net',
        claimAttributePath: 'email',
        identityStoreAttributePath: 'emails.value',
        jwksRetrievalOption: 'OPEN_ID_DISCOVERY',
      },
    },
  },
  responseElements: {
    trustedTokenIssuerArn:
      'arn:aws:sso::111122223333:trustedTokenIssuer/ssoins-1111111111111111/tti-3333',
  },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an external SAML IdP configured',
      events: [directoryCall('CreateExternalIdPConfigurationForDirectory')],
    },
    {
      name: 'external IdP switched on',
      events: [directoryCall('EnableExternalIdPConfigurationForDirectory')],
    },
    {
      name: 'directory association changed, under the sso event source',
      events: [directoryCall('UpdateDirectoryAssociation', { eventSource: 'sso.amazonaws.com' })],
    },
    { name: 'trusted token issuer added (medium)', events: [trustedTokenIssuer] },
    {
      name: 'refused attempt',
      events: [
        failed(
          directoryCall('UpdateExternalIdPConfigurationForDirectory'),
          'AccessDeniedException',
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'reading the IdP configuration',
      events: [directoryCall('ListExternalIdPConfigurationsForDirectory', { readOnly: true })],
    },
    {
      name: 'invalid metadata rejected',
      events: [
        failed(directoryCall('UpdateExternalIdPConfigurationForDirectory'), 'ValidationException'),
      ],
    },
  ],
};

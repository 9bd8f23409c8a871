import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const SAML_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;
const METADATA =
  '<?xml version="1.0"?><md:EntityDescriptor entityID="http://www.okta.com/exk1">...';

const updateSaml = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'UpdateSAMLProvider',
  requestParameters: { sAMLProviderArn: SAML_ARN, sAMLMetadataDocument: METADATA },
  responseElements: { sAMLProviderArn: SAML_ARN },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'SAML metadata replaced', events: [updateSaml] },
    {
      name: 'OIDC provider created',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreateOpenIDConnectProvider',
          requestParameters: {
            url: 'https://token.actions.githubusercontent.com',
            clientIDList: ['sts.amazonaws.com'],
            thumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
          },
          responseElements: {
            openIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
          },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed update', events: [failed(updateSaml)] },
    {
      name: 'provider only read',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'GetSAMLProvider',
          readOnly: true,
          requestParameters: { sAMLProviderArn: SAML_ARN },
        }),
      ],
    },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ANCHOR_ID = '0f5b6c1e-8d1e-4c3a-9a57-3c9e1b2a7d10';

const createAnchor = cloudTrailEvent({
  eventSource: 'rolesanywhere.amazonaws.com',
  eventName: 'CreateTrustAnchor',
  awsRegion: 'eu-west-1',
  requestParameters: {
    name: 'build-farm',
    enabled: true,
    source: {
      sourceType: 'CERTIFICATE_BUNDLE',
      sourceData: { x509CertificateData: '-----BEGIN CERTIFICATE-----\nMIIB...' },
    },
  },
  responseElements: {
    trustAnchor: {
      trustAnchorId: ANCHOR_ID,
      trustAnchorArn: `arn:aws:rolesanywhere:eu-west-1:${ACCOUNT}:trust-anchor/${ANCHOR_ID}`,
      name: 'build-farm',
      enabled: true,
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'trust anchor with an uploaded CA bundle', events: [createAnchor] },
    {
      name: 'profile mapping certificates to an admin role',
      events: [
        cloudTrailEvent({
          eventSource: 'rolesanywhere.amazonaws.com',
          eventName: 'CreateProfile',
          awsRegion: 'eu-west-1',
          requestParameters: {
            name: 'ops',
            roleArns: [`arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`],
            enabled: true,
          },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed creation', events: [failed(createAnchor)] },
    {
      name: 'trust anchor listed',
      events: [
        cloudTrailEvent({
          eventSource: 'rolesanywhere.amazonaws.com',
          eventName: 'ListTrustAnchors',
          readOnly: true,
        }),
      ],
    },
  ],
};

import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** UpdateDistribution carries the whole new configuration, empty strings included. */
const update = (webACLId: string | undefined): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'cloudfront.amazonaws.com',
    eventName: 'UpdateDistribution',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      id: 'EDFDVBD6EXAMPLE',
      ifMatch: 'E1RTLUR9YES76O',
      distributionConfig: {
        callerReference: '1578329170895',
        aliases: { quantity: 1, items: ['www.example.com'] },
        defaultRootObject: '',
        comment: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        enabled: true,
        priceClass: 'PriceClass_All',
        httpVersion: 'http2and3',
        ...(webACLId === undefined ? {} : { webACLId }),
      },
    },
    responseElements: {
      distribution: {
        id: 'EDFDVBD6EXAMPLE',
        aRN: 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE',
        status: 'InProgress',
      },
      eTag: 'E1YHBLAB2BJY1G',
    },
  });

const disassociate = cloudTrailEvent({
  eventSource: 'cloudfront.amazonaws.com',
  eventName: 'DisassociateDistributionWebACL',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { id: 'EDFDVBD6EXAMPLE', ifMatch: 'E1RTLUR9YES76O' },
  responseElements: { id: 'EDFDVBD6EXAMPLE', eTag: 'E2YWS1C2J3OABC' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'web ACL disassociated from a distribution', events: [disassociate] },
    {
      name: 'distribution saved with an empty WebACLId (first-seen state decides)',
      events: [update('')],
    },
  ],
  noFire: [
    {
      name: 'distribution saved with its web ACL',
      events: [
        update(
          'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222',
        ),
      ],
    },
    { name: 'update that does not state WebACLId', events: [update(undefined)] },
    { name: 'failed disassociation', events: [failed(disassociate, 'InvalidIfMatchVersion')] },
    { name: 'requestParameters null', events: [{ ...update(''), requestParameters: null }] },
  ],
};

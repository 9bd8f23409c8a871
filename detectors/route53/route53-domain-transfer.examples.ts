import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const transfer = cloudTrailEvent({
  eventSource: 'route53domains.amazonaws.com',
  eventName: 'TransferDomainToAnotherAwsAccount',
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: { domainName: 'example.com', accountId: OTHER_ACCOUNT },
  responseElements: {
    operationId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    password: 'HIDDEN_DUE_TO_SECURITY_REASONS',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'domain transfer to another account started', events: [transfer] },
    {
      name: 'transfer lock removed',
      events: [
        {
          ...transfer,
          eventName: 'DisableDomainTransferLock',
          requestParameters: { domainName: 'example.com' },
          responseElements: { operationId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222' },
        },
      ],
    },
    {
      name: 'registrant contact changed (medium)',
      events: [
        {
          ...transfer,
          eventName: 'UpdateDomainContact',
          requestParameters: {
            domainName: 'example.com',
            registrantContact: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          },
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed transfer', events: [failed(transfer, 'OperationLimitExceeded')] },
    {
      name: 'transfer lock enabled',
      events: [
        {
          ...transfer,
          eventName: 'EnableDomainTransferLock',
          requestParameters: { domainName: 'example.com' },
        },
      ],
    },
    {
      name: 'accepting a domain from another account',
      events: [{ ...transfer, eventName: 'AcceptDomainTransferFromAnotherAwsAccount' }],
    },
  ],
};

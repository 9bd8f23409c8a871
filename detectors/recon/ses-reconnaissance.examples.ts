import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const sesCall = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'ses.amazonaws.com',
    eventName,
    readOnly: true,
    userIdentity: identities.iamUser('smtp-legacy'),
    sourceIPAddress: '198.51.100.80',
    userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux',
    requestParameters: null,
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'quota, sending status and identities checked with a leaked key',
      events: [
        sesCall('GetSendQuota'),
        sesCall('GetAccountSendingEnabled'),
        sesCall('ListIdentities'),
      ],
    },
    {
      name: 'SES v2 enumeration',
      events: [
        sesCall('GetAccount'),
        sesCall('ListEmailIdentities'),
        sesCall('GetIdentityVerificationAttributes'),
      ],
    },
  ],
  noFire: [
    {
      name: 'a script polling the quota',
      events: [sesCall('GetSendQuota'), sesCall('GetSendQuota'), sesCall('GetSendQuota')],
    },
    {
      name: 'the SES console loading its dashboard',
      events: ['GetAccount', 'ListEmailIdentities', 'GetSendQuota'].map((name) => ({
        ...sesCall(name, { userIdentity: identities.ssoUser() }),
        sessionCredentialFromConsole: 'true',
      })),
    },
    {
      name: 'failed calls',
      events: [
        failed(sesCall('GetSendQuota')),
        failed(sesCall('GetAccountSendingEnabled')),
        failed(sesCall('ListIdentities')),
      ],
    },
    {
      name: 'API Gateway GetAccount is not SES',
      events: [
        sesCall('GetAccount', { eventSource: 'apigateway.amazonaws.com' }),
        sesCall('GetSendQuota'),
        sesCall('ListIdentities'),
      ],
    },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const OUR_ORG = 'o-a1b2c3d4e5';
const THEIR_ORG = 'o-zz9y8x7w6v';
const BUS_ARN = `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders`;

/** PutPermission as CloudTrail logs it: the request fields, no response body. */
export const putPermission = (request: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'events.amazonaws.com',
    eventName: 'PutPermission',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { eventBusName: 'orders', ...request },
    responseElements: null,
  });

/** The Policy parameter: a whole bus policy as a JSON string. */
export const withPolicy = (statement: Record<string, unknown>): CloudTrailEvent =>
  putPermission({
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 's1', Effect: 'Allow', Action: 'events:PutEvents', Resource: BUS_ARN, ...statement },
      ],
    }),
  });

const everyone = putPermission({ action: 'events:PutEvents', principal: '*', statementId: 'all' });

const organization = (org: string) =>
  putPermission({
    action: 'events:PutEvents',
    principal: '*',
    statementId: 'org',
    condition: { type: 'StringEquals', key: 'aws:PrincipalOrgID', value: org },
  });

const trusted = { trustedOrganizationIds: [OUR_ORG] };

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may put events (legacy fields)', events: [everyone] },
    {
      name: 'another account may put events',
      events: [
        putPermission({ action: 'events:PutEvents', principal: OTHER_ACCOUNT, statementId: 'x' }),
      ],
    },
    {
      name: 'every account of an unknown organisation (Condition)',
      events: [organization(THEIR_ORG)],
      settings: trusted,
    },
    {
      name: 'organisation grant with no organisations configured (medium)',
      events: [organization(OUR_ORG)],
    },
    {
      name: 'Policy parameter: `*` with only a TLS condition',
      events: [
        withPolicy({
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      ],
    },
    {
      name: 'Policy parameter: another account may manage rules',
      events: [
        withPolicy({
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: ['events:PutRule', 'events:PutTargets'],
        }),
      ],
    },
  ],
  noFire: [
    { name: 'our organisation', events: [organization(OUR_ORG)], settings: trusted },
    {
      name: 'a trusted account',
      events: [
        putPermission({ action: 'events:PutEvents', principal: OTHER_ACCOUNT, statementId: 'x' }),
      ],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'Policy parameter: `*` limited to our organisation',
      events: [
        withPolicy({
          Principal: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': OUR_ORG } },
        }),
      ],
      settings: trusted,
    },
    {
      name: 'Policy parameter: the own account root',
      events: [withPolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })],
    },
    { name: 'refused call', events: [failed(everyone, 'AccessDeniedException')] },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** An organisation of ours, listed in trustedOrganizationIds by the examples that need it. */
export const OUR_ORG = 'o-a1b2c3d4e5';
/** An organisation nobody listed: an attacker can own one. */
export const THEIR_ORG = 'o-zz9y8x7w6v';

const FUNCTION_ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:billing-webhook`;

/** AddPermission for `*`, conditioned on an organisation, as CloudTrail logs it. */
export const grantToOrganization = (
  organization: string,
  extra: Record<string, unknown> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    awsRegion: 'eu-west-1',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      functionName: 'billing-webhook',
      statementId: 'org-invoke',
      action: 'lambda:InvokeFunction',
      principal: '*',
      principalOrgID: organization,
      ...extra,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'org-invoke',
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:InvokeFunction',
        Resource: FUNCTION_ARN,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organization } },
      }),
    },
  });

/** AddLayerVersionPermission sharing a layer version with an organisation. */
export const layerToOrganization = (organization: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddLayerVersionPermission20181031',
    awsRegion: 'eu-west-1',
    requestParameters: {
      layerName: 'crypto-utils',
      versionNumber: 4,
      statementId: 'org-share',
      action: 'lambda:GetLayerVersion',
      principal: '*',
      organizationId: organization,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'org-share',
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:GetLayerVersion',
        Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:crypto-utils:4`,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organization } },
      }),
      revisionId: '81a7d2f4-3b6c-4e8d-9f0a-1b2c3d4e5f60',
    },
  });

const trusted = { trustedOrganizationIds: [OUR_ORG] };

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'function granted to every account of an organisation, none configured',
      events: [grantToOrganization(THEIR_ORG)],
    },
    {
      name: 'function URL with IAM auth opened to an organisation, none configured',
      events: [
        grantToOrganization(THEIR_ORG, {
          action: 'lambda:InvokeFunctionUrl',
          functionUrlAuthType: 'AWS_IAM',
        }),
      ],
    },
    {
      name: 'layer shared with an organisation, none configured',
      events: [layerToOrganization(THEIR_ORG)],
    },
  ],
  noFire: [
    {
      name: 'organisations configured: the cross-account detector judges it',
      events: [grantToOrganization(THEIR_ORG)],
      settings: trusted,
    },
    {
      name: 'layer shared with our listed organisation',
      events: [layerToOrganization(OUR_ORG)],
      settings: trusted,
    },
    {
      name: 'also pinned to our account by sourceAccount',
      events: [grantToOrganization(THEIR_ORG, { sourceAccount: ACCOUNT })],
    },
    {
      name: 'refused call',
      events: [failed(grantToOrganization(THEIR_ORG), 'AccessDeniedException')],
    },
  ],
};

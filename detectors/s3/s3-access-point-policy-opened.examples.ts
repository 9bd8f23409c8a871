import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const S3_CONTROL_NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

const policy = (resource: string, statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource, ...statement }],
  });

/** S3 Control PutAccessPointPolicy: the XML body under its root element, the name from the path. */
export const putAccessPointPolicy = (statement: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutAccessPointPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      PutAccessPointPolicyRequest: {
        xmlns: S3_CONTROL_NS,
        Policy: policy(
          `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/finance-ap/object/*`,
          statement,
        ),
      },
      name: 'finance-ap',
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`,
    },
    responseElements: null,
  });

/** PutMultiRegionAccessPointPolicy: name and policy inside Details, routed through us-west-2. */
export const putMultiRegionPolicy = (statement: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutMultiRegionAccessPointPolicy',
    awsRegion: 'us-west-2',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      PutMultiRegionAccessPointPolicyRequest: {
        xmlns: S3_CONTROL_NS,
        ClientToken: 'c1b2a3d4-e5f6-7a8b-9c0d-1e2f3a4b5c6d',
        Details: {
          Name: 'global-assets',
          Policy: policy(
            `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*`,
            statement,
          ),
        },
      },
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-west-2.amazonaws.com`,
    },
    responseElements: {
      PutMultiRegionAccessPointPolicyResult: {
        xmlns: S3_CONTROL_NS,
        RequestTokenARN: `arn:aws:s3:us-west-2:${ACCOUNT}:async-request/mrap/put-policy/c1b2a3d4`,
      },
    },
  });

const anyone = putAccessPointPolicy({ Principal: '*' });

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may read through the access point', events: [anyone] },
    {
      name: 'another account may read',
      events: [putAccessPointPolicy({ Principal: { AWS: OTHER_ACCOUNT } })],
    },
    {
      name: 'Multi-Region Access Point for `*` with a wildcard source ARN only',
      events: [
        putMultiRegionPolicy({
          Principal: { AWS: '*' },
          Condition: { ArnLike: { 'aws:SourceArn': '*' } },
        }),
      ],
    },
    {
      name: 'Object Lambda access point opened to anyone',
      events: [
        {
          ...anyone,
          eventName: 'PutAccessPointPolicyForObjectLambda',
          requestParameters: {
            PutAccessPointPolicyForObjectLambdaRequest: {
              xmlns: S3_CONTROL_NS,
              Policy: policy(`arn:aws:s3-object-lambda:us-east-1:${ACCOUNT}:accesspoint/olap`, {
                Principal: { AWS: '*' },
                Action: 's3-object-lambda:GetObject',
              }),
            },
            name: 'olap',
            'x-amz-account-id': ACCOUNT,
            Host: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`,
          },
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'our own role',
      events: [
        putAccessPointPolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/finance` } }),
      ],
    },
    {
      name: '`*` limited to our organisation',
      events: [
        putMultiRegionPolicy({
          Principal: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        }),
      ],
      settings: { trustedOrganizationIds: ['o-a1b2c3d4e5'] },
    },
    { name: 'refused call', events: [failed(anyone)] },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const S3_CONTROL_NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

const ALL_ON = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/** S3 Control CreateAccessPoint: the XML body under CreateAccessPointRequest. */
export const createAccessPoint = (body: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CreateAccessPoint',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      CreateAccessPointRequest: { xmlns: S3_CONTROL_NS, Bucket: 'finance-data', ...body },
      name: 'finance-ap',
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`,
    },
    responseElements: {
      CreateAccessPointResult: {
        xmlns: S3_CONTROL_NS,
        AccessPointArn: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/finance-ap`,
        Alias: 'finance-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias',
      },
    },
  });

/** CreateMultiRegionAccessPoint: settings under Details.PublicAccessBlock. */
export const createMultiRegionAccessPoint = (block: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CreateMultiRegionAccessPoint',
    awsRegion: 'us-west-2',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      CreateMultiRegionAccessPointRequest: {
        xmlns: S3_CONTROL_NS,
        ClientToken: 'd4c3b2a1-0f9e-8d7c-6b5a-4f3e2d1c0b9a',
        Details: {
          Name: 'global-assets',
          PublicAccessBlock: block,
          Regions: { Region: [{ Bucket: 'assets-usw2' }, { Bucket: 'assets-euw1' }] },
        },
      },
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-west-2.amazonaws.com`,
    },
    responseElements: {
      CreateMultiRegionAccessPointResult: {
        xmlns: S3_CONTROL_NS,
        RequestTokenARN: `arn:aws:s3:us-west-2:${ACCOUNT}:async-request/mrap/create/d4c3b2a1`,
      },
    },
  });

const allOff = createAccessPoint({
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: false,
    IgnorePublicAcls: false,
    BlockPublicPolicy: false,
    RestrictPublicBuckets: false,
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'internet access point with every block off', events: [allOff] },
    {
      name: 'Multi-Region Access Point with the policy block off (string)',
      events: [createMultiRegionAccessPoint({ ...ALL_ON, BlockPublicPolicy: 'false' })],
    },
  ],
  noFire: [
    { name: 'default settings (all blocks on)', events: [createAccessPoint({})] },
    {
      name: 'blocks off but reachable only from a VPC',
      events: [
        createAccessPoint({
          VpcConfiguration: { VpcId: 'vpc-0a1b2c3d4e5f60718' },
          PublicAccessBlockConfiguration: { ...ALL_ON, BlockPublicPolicy: false },
        }),
      ],
    },
    {
      name: 'Multi-Region Access Point with all blocks on',
      events: [createMultiRegionAccessPoint(ALL_ON)],
    },
    { name: 'refused call', events: [failed(allOff)] },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The bucket holding the object every example changes. */
export const BUCKET = 'release-artifacts';
/** Key of the object every example changes. */
export const KEY = 'builds/app-1.4.2.zip';
/** Grantee group URI for everyone, signed in or not. */
export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** An S3 object-level call as CloudTrail records data events. */
export const objectEvent = (
  eventName: string,
  params: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName,
    eventCategory: 'Data',
    managementEvent: false,
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key: KEY,
      ...params,
    },
    responseElements: { 'x-amz-server-side-encryption': 'AES256' },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${KEY}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
    ...overrides,
  });

/** PutObjectAcl parameters granting AllUsers READ, the one grant logged as an object. */
export const allUsersReadAcl = {
  acl: [''],
  AccessControlPolicy: {
    AccessControlList: {
      Grant: {
        Grantee: {
          'xsi:type': 'Group',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          URI: ALL_USERS,
        },
        Permission: 'READ',
      },
    },
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
  },
};

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'PutObjectAcl grants AllUsers READ (single grant object)',
      events: [objectEvent('PutObjectAcl', allUsersReadAcl)],
    },
    {
      name: 'upload with the public-read canned ACL',
      events: [objectEvent('PutObject', { 'x-amz-acl': 'public-read' })],
    },
    {
      name: 'multipart upload started with the public-read canned ACL',
      events: [objectEvent('CreateMultipartUpload', { uploads: '', 'x-amz-acl': ['public-read'] })],
    },
  ],
  noFire: [
    {
      name: 'cross-account upload with bucket-owner-full-control',
      events: [objectEvent('PutObject', { 'x-amz-acl': 'bucket-owner-full-control' })],
    },
    { name: 'ordinary upload without an ACL', events: [objectEvent('PutObject', {})] },
    {
      name: 'denied PutObjectAcl',
      events: [failed(objectEvent('PutObjectAcl', { 'x-amz-acl': ['public-read'] }))],
    },
  ],
};

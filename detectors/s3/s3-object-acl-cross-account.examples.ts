import { ACCOUNT, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { objectEvent } from './s3-object-acl-public.examples.js';

/** Canonical user ids are 64 hex digits: one of another account, one of ours. */
const FOREIGN_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const OWN_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

const canonical = (id: string, permission: string) => ({
  Grantee: {
    'xsi:type': 'CanonicalUser',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    ID: id,
  },
  Permission: permission,
});

const aclBody = (...grants: ReturnType<typeof canonical>[]) => ({
  acl: '',
  AccessControlPolicy: {
    Owner: { ID: OWN_ID },
    AccessControlList: { Grant: grants.length === 1 ? grants[0] : grants },
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
  },
});

const fullControlUpload = objectEvent('PutObject', {
  'x-amz-grant-full-control': `id="${FOREIGN_ID}"`,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'upload grants another account full control (high)', events: [fullControlUpload] },
    {
      name: 'multipart upload grants read by e-mail address',
      events: [
        objectEvent('CreateMultipartUpload', {
          uploads: '',
          'x-amz-grant-read': 'emailAddress="exfil@example.net"',
        }),
      ],
    },
    {
      name: 'PutObjectAcl body adds a foreign READ grant beside the owner',
      events: [
        objectEvent(
          'PutObjectAcl',
          aclBody(canonical(OWN_ID, 'FULL_CONTROL'), canonical(FOREIGN_ID, 'READ')),
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'ACL body naming only the owner',
      events: [objectEvent('PutObjectAcl', aclBody(canonical(OWN_ID, 'FULL_CONTROL')))],
    },
    {
      name: 'read for our CloudFront origin access identity',
      events: [objectEvent('PutObject', { 'x-amz-grant-read': `id="${FOREIGN_ID}"` })],
      settings: { cloudFrontOriginAccessIdentities: [FOREIGN_ID] },
    },
    {
      name: 'another account uploads and grants us, the bucket owner, full control',
      events: [
        objectEvent(
          'PutObject',
          { 'x-amz-grant-full-control': `id="${OWN_ID}"` },
          {
            userIdentity: identities.awsAccount(OTHER_ACCOUNT),
            recipientAccountId: ACCOUNT,
          },
        ),
      ],
    },
    { name: 'refused upload', events: [failed(fullControlUpload)] },
  ],
};

import { principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  ACCESS_POINT_CREATE_CALLS,
  accessPointBlocksOff,
  accessPointName,
  accessPointOwner,
} from '../helpers/s3-access-point.js';
import type { Detector } from '../types.js';

/** An internet-facing S3 access point was created with Block Public Access settings off. */
export const s3AccessPointBlockPublicAccessOff: Detector = {
  id: 's3-access-point-block-public-access-off',
  title: 'S3 access point created with Block Public Access off',
  severity: 'medium',
  description:
    'CreateAccessPoint or CreateMultiRegionAccessPoint (S3 Control) gave a ' +
    'PublicAccessBlockConfiguration with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy ' +
    'or RestrictPublicBuckets off, for an access point reachable from the internet. An access ' +
    "point's own block cannot be changed after creation, so this is the moment an access " +
    'point is prepared for a public policy; the bucket and account blocks still apply, which ' +
    'is why this is medium. Access points limited to a VPC and those created with the default ' +
    '(all four on) do not fire. Benign causes: access points meant to serve public content.',
  attack: ['T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessPoint.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateMultiRegionAccessPoint.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: [...ACCESS_POINT_CREATE_CALLS] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const off = accessPointBlocksOff(event);
    if (off.length === 0) return undefined;
    const accessPoint = accessPointName(event);
    const owner = accessPointOwner(event);
    return {
      summary: `${principalOf(event)} created S3 access point ${accessPoint} with Block Public Access settings ${off.join(', ')} off (${event.eventName})`,
      dedupKey: `${owner}|${principalForDedup(event)}|access-point-block|${accessPoint}`,
      resources: [accessPoint],
    };
  },
};

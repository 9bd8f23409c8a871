import { principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { describeExposure, policyExposures, readTypedPolicy } from '../helpers/policy-exposure.js';
import {
  ACCESS_POINT_POLICY_CALLS,
  accessPointName,
  accessPointOwner,
  accessPointPolicy,
} from '../helpers/s3-access-point.js';
import type { Detector } from '../types.js';

/** An S3 access point policy now lets anyone, or an untrusted account or organisation, in. */
export const s3AccessPointPolicyOpened: Detector = {
  id: 's3-access-point-policy-opened',
  title: 'S3 access point policy opened to the public or another account',
  severity: 'high',
  description:
    'PutAccessPointPolicy, PutAccessPointPolicyForObjectLambda or ' +
    'PutMultiRegionAccessPointPolicy (S3 Control) set a policy that allows `*` without a ' +
    'condition restricting who, or an account that is neither the owner nor in ' +
    'trustedAccounts, or an organisation outside trustedOrganizationIds. An access point is a ' +
    'second front door to a bucket: bucket policies that delegate to access points (the ' +
    'documented pattern) let the access point policy decide alone, so opening it exposes the ' +
    'data without touching the bucket policy. Block Public Access and a VPC-only network ' +
    'origin still stop public requests, but not another account. Benign causes: sharing ' +
    'datasets with partner accounts missing from trustedAccounts.',
  attack: ['T1530', 'T1098'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutAccessPointPolicy.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutAccessPointPolicyForObjectLambda.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutMultiRegionAccessPointPolicy.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: [...ACCESS_POINT_POLICY_CALLS] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const statements = readTypedPolicy(accessPointPolicy(event));
    if (!statements) return undefined;
    const owner = accessPointOwner(event);
    const exposures = policyExposures(statements, owner, ctx.settings);
    if (exposures.length === 0) return undefined;
    const accessPoint = accessPointName(event);
    return {
      summary: `${principalOf(event)} opened S3 access point ${accessPoint} to ${exposures.map(describeExposure).join(', ')} (${event.eventName})`,
      dedupKey: `${owner}|${principalForDedup(event)}|access-point-policy|${accessPoint}`,
      resources: [accessPoint],
    };
  },
};

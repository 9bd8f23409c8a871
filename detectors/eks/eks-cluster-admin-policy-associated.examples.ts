import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const POLICY = 'arn:aws:eks::aws:cluster-access-policy';
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/ci-runner-fallback`;

/** AssociateAccessPolicy as EKS logs it. */
const associate = (policy: string, accessScope: Record<string, unknown> = { type: 'cluster' }) =>
  cloudTrailEvent({
    eventSource: 'eks.amazonaws.com',
    eventName: 'AssociateAccessPolicy',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    // The cluster and principal are path parameters: logged as `name` and percent-encoded.
    requestParameters: {
      policyArn: `${POLICY}/${policy}`,
      accessScope,
      name: 'prod',
      principalArn: encodeURIComponent(PRINCIPAL),
    },
    responseElements: {
      clusterName: 'prod',
      principalArn: PRINCIPAL,
      associatedAccessPolicy: {
        policyArn: `${POLICY}/${policy}`,
        accessScope,
        associatedAt: 'Nov 20, 2026, 10:00:00 AM',
        modifiedAt: 'Nov 20, 2026, 10:00:00 AM',
      },
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'cluster-admin given to a role', events: [associate('AmazonEKSClusterAdminPolicy')] },
    {
      name: 'namespace admin (medium)',
      events: [associate('AmazonEKSAdminPolicy', { type: 'namespace', namespaces: ['payments'] })],
    },
    {
      name: 'cluster-admin refused for lack of permission: an attempt',
      events: [failed(associate('AmazonEKSClusterAdminPolicy'), 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'read-only view policy', events: [associate('AmazonEKSViewPolicy')] },
    {
      name: 'the access entry does not exist',
      events: [failed(associate('AmazonEKSClusterAdminPolicy'), 'ResourceNotFoundException')],
    },
  ],
};

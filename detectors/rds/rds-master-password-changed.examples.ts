import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** ModifyDBInstance as RDS logs it: the password hidden in the request, pending in the response. */
const modify = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'ModifyDBInstance',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      dBInstanceIdentifier: 'orders-prod',
      applyImmediately: true,
      ...requestParameters,
    },
    responseElements: {
      dBInstanceIdentifier: 'orders-prod',
      dBInstanceStatus: 'available',
      engine: 'postgres',
      pendingModifiedValues:
        'masterUserPassword' in requestParameters ? { masterUserPassword: '****' } : {},
    },
    ...overrides,
  });

const reset = modify({ masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS' });

export const examples: DetectorExamples = {
  fire: [
    { name: 'master password reset on an instance', events: [reset] },
    {
      name: 'master password reset on an Aurora cluster',
      events: [
        cloudTrailEvent({
          eventSource: 'rds.amazonaws.com',
          eventName: 'ModifyDBCluster',
          userIdentity: identities.ssoUser('ana@example.com'),
          requestParameters: {
            dBClusterIdentifier: 'ledger',
            masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            applyImmediately: true,
          },
          responseElements: { dBClusterIdentifier: 'ledger', status: 'available' },
        }),
      ],
    },
    {
      name: 'only the response shows the pending password',
      events: [
        {
          ...reset,
          requestParameters: { dBInstanceIdentifier: 'orders-prod', applyImmediately: true },
        },
      ],
    },
    { name: 'a reset refused by policy is an attempt', events: [failed(reset, 'AccessDenied')] },
  ],
  noFire: [
    { name: 'a resize', events: [modify({ dBInstanceClass: 'db.r6g.xlarge' })] },
    {
      name: 'the password handed to Secrets Manager',
      events: [modify({ manageMasterUserPassword: true })],
    },
    {
      name: 'a reset while the instance is busy',
      events: [
        failed(reset, 'InvalidDBInstanceState', 'Database instance is not in available state.'),
      ],
    },
  ],
};

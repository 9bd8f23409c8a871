import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** ModifyDBInstance with the fields given; RDS returns the instance with pending changes. */
export const modifyDbInstance = (
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'ModifyDBInstance',
    userIdentity: identities.assumedRole('DBA', 'mallory'),
    requestParameters: { dBInstanceIdentifier: 'orders-db', applyImmediately: true, ...request },
    responseElements: {
      dBInstanceIdentifier: 'orders-db',
      dBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-db`,
      dBInstanceStatus: 'modifying',
      backupRetentionPeriod: 7,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'retention set to 0', events: [modifyDbInstance({ backupRetentionPeriod: 0 })] },
    { name: 'retention as a string', events: [modifyDbInstance({ backupRetentionPeriod: '0' })] },
  ],
  noFire: [
    {
      name: 'retention raised to 14 days',
      events: [modifyDbInstance({ backupRetentionPeriod: 14 })],
    },
    {
      name: 'an instance class change',
      events: [modifyDbInstance({ dBInstanceClass: 'db.r6g.xlarge' })],
    },
    {
      name: 'refused for a replica source',
      events: [
        failed(
          modifyDbInstance({ backupRetentionPeriod: 0 }),
          'InvalidParameterCombination',
          'Cannot set backup retention period to 0 on a source instance with read replicas.',
        ),
      ],
    },
  ],
};

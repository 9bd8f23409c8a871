import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`;

/** AddRoleToDBInstance as RDS logs it; the response is empty. */
const addRole = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'AddRoleToDBInstance',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: {
    dBInstanceIdentifier: 'orders-prod',
    roleArn: ROLE,
    featureName: 's3Export',
  },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an S3 export role on an instance', events: [addRole] },
    {
      name: 'a role on an Aurora cluster, no feature named',
      events: [
        {
          ...addRole,
          eventName: 'AddRoleToDBCluster',
          requestParameters: { dBClusterIdentifier: 'ledger', roleArn: ROLE },
        },
      ],
    },
  ],
  noFire: [
    { name: 'the role removed', events: [{ ...addRole, eventName: 'RemoveRoleFromDBInstance' }] },
    {
      name: 'deployed through CloudFormation',
      events: [
        {
          ...addRole,
          userIdentity: {
            ...identities.assumedRole('CfnExecution', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        },
      ],
    },
    {
      name: 'the role is already associated',
      events: [failed(addRole, 'DBInstanceRoleAlreadyExists')],
    },
  ],
};

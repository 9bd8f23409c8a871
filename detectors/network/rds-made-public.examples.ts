import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const modify = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'ModifyDBInstance',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: {
    dBInstanceIdentifier: 'orders-prod',
    publiclyAccessible: true,
    applyImmediately: true,
    allowMajorVersionUpgrade: false,
  },
  responseElements: {
    dBInstanceIdentifier: 'orders-prod',
    dBInstanceClass: 'db.r6g.large',
    engine: 'postgres',
    dBInstanceStatus: 'available',
    publiclyAccessible: true,
  },
});

const restore = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'RestoreDBInstanceFromDBSnapshot',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    dBInstanceIdentifier: 'orders-copy',
    dBSnapshotIdentifier: 'orders-prod-2026-11-19',
    publiclyAccessible: true,
    dBSubnetGroupName: 'default',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an instance is modified to be public', events: [modify] },
    { name: 'a snapshot is restored as a public instance', events: [restore] },
    {
      name: 'restored without the flag, public by its subnet group default (response)',
      events: [
        {
          ...restore,
          requestParameters: {
            dBInstanceIdentifier: 'orders-copy',
            dBSnapshotIdentifier: 'orders-prod-2026-11-19',
            dBSubnetGroupName: 'public-subnets',
          },
          responseElements: {
            dBInstanceIdentifier: 'orders-copy',
            dBInstanceStatus: 'creating',
            publiclyAccessible: true,
            dBSubnetGroup: { dBSubnetGroupName: 'public-subnets', vpcId: 'vpc-0a1b2c3d' },
          },
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'an instance is made private',
      events: [
        {
          ...modify,
          requestParameters: { dBInstanceIdentifier: 'orders-prod', publiclyAccessible: false },
        },
      ],
    },
    {
      name: 'a resize that does not touch public access',
      events: [
        {
          ...modify,
          requestParameters: {
            dBInstanceIdentifier: 'orders-prod',
            dBInstanceClass: 'db.r6g.xlarge',
          },
        },
      ],
    },
    { name: 'a denied ModifyDBInstance', events: [failed(modify)] },
    { name: 'requestParameters null', events: [{ ...modify, requestParameters: null }] },
    {
      name: 'a restore whose response shows a private database',
      events: [
        {
          ...restore,
          requestParameters: {
            dBInstanceIdentifier: 'orders-copy',
            dBSnapshotIdentifier: 'orders-prod-2026-11-19',
          },
          responseElements: { dBInstanceIdentifier: 'orders-copy', publiclyAccessible: false },
        },
      ],
    },
  ],
};

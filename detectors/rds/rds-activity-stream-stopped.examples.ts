import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const CLUSTER = `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:payments-aurora`;

/** StopActivityStream as CloudTrail logs it; RDS answers with the stream it is stopping. */
export const stopActivityStream = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'StopActivityStream',
    userIdentity: identities.assumedRole('DBA', 'mallory'),
    requestParameters: { resourceArn: CLUSTER, applyImmediately: true },
    responseElements: {
      kinesisStreamName: 'aws-rds-das-cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      status: 'stopping',
    },
    ...overrides,
  });

const modifyActivityStream = (auditPolicyState: string) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'ModifyActivityStream',
    userIdentity: identities.assumedRole('DBA', 'mallory'),
    requestParameters: {
      resourceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:billing-oracle`,
      auditPolicyState,
    },
    responseElements: {
      kinesisStreamName: 'aws-rds-das-db-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      status: 'started',
      mode: 'async',
      policyStatus: auditPolicyState === 'unlocked' ? 'unlocking-policy' : 'locking-policy',
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'the activity stream is stopped (high)', events: [stopActivityStream()] },
    { name: 'the audit policy is unlocked (medium)', events: [modifyActivityStream('unlocked')] },
    { name: 'a denied stop (an attempt)', events: [failed(stopActivityStream(), 'AccessDenied')] },
  ],
  noFire: [
    { name: 'the audit policy is locked again', events: [modifyActivityStream('locked')] },
    {
      name: 'no stream is running',
      events: [failed(stopActivityStream(), 'InvalidDBClusterStateFault')],
    },
    {
      name: 'a stream is started',
      events: [stopActivityStream({ eventName: 'StartActivityStream' })],
    },
  ],
};

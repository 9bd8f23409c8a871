import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deleteCisAlarm = cloudTrailEvent({
  eventSource: 'monitoring.amazonaws.com',
  eventName: 'DeleteAlarms',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { alarmNames: ['CIS-3.1-UnauthorizedAPICalls', 'CIS-3.3-RootAccountUsage'] },
  responseElements: null,
});

const disableActions = cloudTrailEvent({
  eventSource: 'monitoring.amazonaws.com',
  eventName: 'DisableAlarmActions',
  requestParameters: { alarmNames: ['orders-api-5xx'] },
});

/** Application Auto Scaling replacing its target-tracking alarms with its service-linked role. */
const autoScaling = cloudTrailEvent({
  eventSource: 'monitoring.amazonaws.com',
  eventName: 'DeleteAlarms',
  userIdentity: {
    ...identities.assumedRole(
      'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
      'AutoScaling',
    ),
    invokedBy: 'application-autoscaling.amazonaws.com',
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAAUTOSCALING',
        arn: 'arn:aws:iam::111122223333:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
        accountId: '111122223333',
        userName: 'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
      },
    },
  },
  requestParameters: {
    alarmNames: ['TargetTracking-table/orders-AlarmHigh-6a1b2c3d-0000-4000-8000-000000000001'],
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'CIS alarms are deleted (high)', events: [deleteCisAlarm] },
    { name: 'alarm actions are disabled (medium)', events: [disableActions] },
  ],
  noFire: [
    { name: 'Auto Scaling replaces its target-tracking alarms', events: [autoScaling] },
    {
      name: 'a person deletes only target-tracking alarms',
      events: [{ ...autoScaling, userIdentity: identities.iamUser('ops') }],
    },
    { name: 'a denied DeleteAlarms', events: [failed(deleteCisAlarm)] },
    {
      name: 'alarm actions are enabled again',
      events: [{ ...disableActions, eventName: 'EnableAlarmActions' }],
    },
  ],
};

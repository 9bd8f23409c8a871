import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deleteTrailGroup = cloudTrailEvent({
  eventSource: 'logs.amazonaws.com',
  eventName: 'DeleteLogGroup',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { logGroupName: 'aws-controltower/CloudTrailLogs' },
  responseElements: null,
});

const deleteMetricFilter = cloudTrailEvent({
  eventSource: 'logs.amazonaws.com',
  eventName: 'DeleteMetricFilter',
  requestParameters: { logGroupName: 'org-audit', filterName: 'RootAccountUsage' },
});

const retention = (days: number, logGroupName = '/aws/lambda/orders-api') =>
  cloudTrailEvent({
    eventSource: 'logs.amazonaws.com',
    eventName: 'PutRetentionPolicy',
    userIdentity: identities.assumedRole('Deploy', 'cdk'),
    requestParameters: { logGroupName, retentionInDays: days },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'the CloudTrail log group is deleted (high)', events: [deleteTrailGroup] },
    { name: 'a metric filter behind a CIS alarm is deleted', events: [deleteMetricFilter] },
    {
      name: 'retention on the CloudTrail group is cut to one day (high)',
      events: [retention(1, 'CloudTrail/DefaultLogGroup')],
    },
    {
      name: 'retention on the CloudTrail group is cut to two weeks (medium)',
      events: [retention(14, 'CloudTrail/DefaultLogGroup')],
    },
    { name: 'a function log group gets 3-day retention (low)', events: [retention(3)] },
    {
      name: 'a denied DeleteLogGroup (an attempt)',
      events: [failed(deleteTrailGroup, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'retention is set to one year',
      events: [retention(365, 'CloudTrail/DefaultLogGroup')],
    },
    { name: 'retention is set to 14 days', events: [retention(14)] },
    {
      name: 'DeleteLogGroup of a group that does not exist',
      events: [failed(deleteTrailGroup, 'ResourceNotFoundException')],
    },
    {
      name: 'a denied 14-day retention (not a weakening)',
      events: [failed(retention(14), 'AccessDeniedException')],
    },
    {
      name: 'a log group is created',
      events: [{ ...deleteTrailGroup, eventName: 'CreateLogGroup' }],
    },
    {
      name: 'retention with requestParameters null',
      events: [{ ...retention(1), requestParameters: null }],
    },
  ],
};

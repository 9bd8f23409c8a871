import {
  loggingChanges,
  principalFingerprints,
  principalTimeline,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  followPersistenceRunbook,
  lookupByUser,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const cloudtrailTampering: Runbook = {
  id: 'cloudtrail-tampering',
  title: 'CloudTrail or logging tampered with',
  summary:
    'A trail was stopped, deleted, updated or narrowed, or S3 server access logging was turned ' +
    'off. Attackers blind the audit trail before they act, so treat the change as the start of ' +
    'an intrusion until the actor and the reason are confirmed.',
  detectors: [
    'bedrock-guardrail-or-logging-removed',
    'bedrock-invocation-logging-weakened',
    'cloudtrail-config-changed',
    'cloudtrail-event-data-store-stopped',
    'cloudtrail-event-selectors-narrowed',
    'cloudtrail-logging-stopped',
    'cloudtrail-trail-updated',
    'cloudwatch-alarms-disabled',
    'cloudwatch-logs-deleted',
    'cloudwatch-logs-forwarding-removed',
    'config-aggregator-deleted',
    'config-conformance-pack-deleted',
    'config-history-retention-shortened',
    'config-organization-rule-deleted',
    'config-recorder-stopped',
    'config-recording-narrowed',
    'config-remediation-removed',
    'config-service-changed',
    'dns-query-logging-removed',
    'eks-control-plane-logging-disabled',
    'eventbridge-rule-disabled',
    'guardduty-disabled',
    'guardduty-findings-archived',
    'guardduty-findings-export-removed',
    'guardduty-invitations-removed',
    'guardduty-organization-coverage-reduced',
    'guardduty-threat-list-deleted',
    'guardduty-trusted-list-changed',
    'macie-disabled',
    'macie-discovery-disabled',
    'macie-members-removed',
    'rds-activity-stream-stopped',
    's3-access-logging-disabled',
    's3-log-bucket-notifications-removed',
    'securityhub-disabled-or-suppressed',
    'securityhub-organization-coverage-reduced',
    'securityhub-v2-findings-suppressed',
    'vpc-flow-logs-deleted',
  ],
  severity: {
    P1: 'Logging stopped or a trail deleted by an unknown actor, from an unfamiliar address, or together with any other alert.',
    P2: 'Trail narrowed (event selectors, data events) or access logging disabled by an unknown actor.',
    P3: 'Change made by a known administrator without a change ticket.',
    P4: 'Change confirmed as planned (infrastructure-as-code pipeline, approved ticket).',
  },
  phases: {
    triage: [
      {
        title: 'Confirm whether the trail is logging now',
        command: 'aws cloudtrail get-trail-status --region {region} --name <TRAIL_ARN>',
      },
      {
        title: 'See what the trail records now',
        command: 'aws cloudtrail get-event-selectors --region {region} --trail-name <TRAIL_ARN>',
      },
      {
        title: 'Identify the actor and ask whether the change was planned',
        detail:
          'Run the queries below: who made the change, from which address and client, and what ' +
          'else they did around it. No ticket and an unfamiliar address make it P1.',
      },
    ],
    contain: [
      {
        title: 'Restart logging',
        command: 'aws cloudtrail start-logging --region {region} --name <TRAIL_ARN>',
      },
      {
        title: 'Restore the event selectors from your baseline',
        command:
          'aws cloudtrail put-event-selectors --region {region} --trail-name <TRAIL_ARN> --advanced-event-selectors file://baseline-selectors.json',
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      lookupByUser,
      followPersistenceRunbook,
      {
        title: 'Turn back on every other sensor the actor touched',
        detail:
          'GuardDuty detectors, Config recorders, VPC flow logs, alarms (see logging-changes).',
        command:
          'aws configservice start-configuration-recorder --region {region} --configuration-recorder-name <RECORDER_NAME>',
      },
    ],
    recover: [
      {
        title: 'Verify delivery resumed without errors',
        command:
          "aws cloudtrail get-trail-status --region {region} --name <TRAIL_ARN> --query '[IsLogging,LatestDeliveryTime,LatestDeliveryError]'",
      },
      {
        title: 'Validate log file integrity over the incident window',
        detail:
          'Detects log files deleted or modified in the bucket while logging was tampered with.',
        command:
          'aws cloudtrail validate-logs --trail-arn <TRAIL_ARN> --start-time <START> --end-time <END>',
      },
      {
        title: 'Restore S3 server access logging if it was disabled',
        command:
          'aws s3api put-bucket-logging --bucket {bucket} --bucket-logging-status file://logging-status.json',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Record the blind window',
        detail:
          'From the stop to the restart: list what was not logged and how it was reconstructed.',
      },
      {
        title: 'Make logging tamper-resistant',
        detail:
          'An organization trail owned by the management account, an SCP denying ' +
          'cloudtrail:StopLogging/DeleteTrail/UpdateTrail/PutEventSelectors to all but the security ' +
          'role, and log file validation on.',
        command:
          'aws organizations attach-policy --policy-id <SCP_ID> --target-id <OU_OR_ACCOUNT_ID>',
        approval: true,
      },
      detectionGapStep,
    ],
  },
  queries: [loggingChanges, principalTimeline, principalFingerprints, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    'https://github.com/aws-samples/aws-incident-response-playbooks',
  ],
};

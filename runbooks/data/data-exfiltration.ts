import {
  crossAccountRoleAssumptions,
  principalRegions,
  principalTimeline,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const dataExfiltration: Runbook = {
  id: 'data-exfiltration',
  title: 'Data sent or shared outside the organisation',
  summary:
    'Data, or a standing path for it, now leads outside: objects copied to another account, ' +
    'snapshots or images copied or replicated away, topics and documents shared, outside ' +
    'credentials or DNS crossing the network edge. Cut the path first, then work out what ' +
    'already left and who holds it.',
  detectors: [
    'ec2-block-public-access-disabled',
    'ecr-policy-shared-outside',
    'ecr-replication-to-external-account',
    'efs-file-system-policy-opened',
    'eventbridge-bus-opened',
    'kms-grant-to-outside-account',
    'rds-iam-role-added',
    'rds-snapshot-copied-outside',
    'route53-private-zone-shared',
    'route53-resolver-forwarding-outside',
    's3-object-copied-to-foreign-bucket',
    'sns-subscription-external-endpoint',
    'ssm-document-shared',
    'vpce-access-denied',
    'vpce-foreign-principal',
  ],
  severity: {
    P1: 'Production data (objects, snapshots, images) already copied to an account nobody recognises.',
    P2: 'A standing path out (replication, subscription, sharing, outside key) set up but no data known to have left.',
    P3: 'A refused attempt at the perimeter (VPC endpoint policy) or a share to an organisation account missing from the trusted list.',
    P4: 'Planned delivery to a partner or organisation account confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'Identify the outside account and what it can now reach',
        detail:
          'The alert names the account, bucket, registry, topic or key. Check it against the ' +
          'organisation (aws organizations describe-account) and partner lists.',
        command: 'aws organizations describe-account --account-id <OUTSIDE_ACCOUNT_ID>',
      },
      {
        title: "Read the actor's recent activity",
        detail:
          'principal-timeline and principal-regions: what was read before the copy or share, ' +
          'and where else the actor worked (regions nobody watches).',
      },
    ],
    contain: [
      {
        title: 'Remove the path out',
        detail:
          'Before anything else, undo what the alert names: the replication rule (aws ecr ' +
          'put-replication-configuration without it), the subscription (aws sns unsubscribe), ' +
          'the registry or repository policy statement, the document share (aws ssm ' +
          'modify-document-permission --account-ids-to-remove), the Resolver rule or the VPC ' +
          'association authorisation.',
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      {
        title: 'Delete copies made inside the account',
        detail:
          'Snapshot copies under outside keys or in unused regions, manual snapshots the actor made.',
        command:
          'aws rds delete-db-snapshot --region <COPY_REGION> --db-snapshot-identifier <SNAPSHOT_ID>',
        approval: true,
      },
      {
        title: 'Rotate what the data contained',
        detail:
          'Credentials baked into images or documents, database passwords, keys in copied objects.',
      },
    ],
    recover: [
      {
        title: 'Restore the intended sharing',
        detail:
          'Re-apply the reviewed policies from infrastructure as code; confirm consumers still work.',
      },
      {
        title: 'Ask the outside account to delete the data',
        detail:
          'For an AWS account you do not control, report abuse to AWS (abuse@amazonaws.com) with the account id and event ids.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Close the perimeter',
        detail:
          'SCPs and resource control policies pinning data access to the organisation ' +
          '(aws:ResourceOrgID, aws:PrincipalOrgID), VPC endpoint policies, KMS key policies ' +
          'refusing outside grants.',
      },
      detectionGapStep,
    ],
  },
  queries: [principalTimeline, principalRegions, crossAccountRoleAssumptions, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/building-a-data-perimeter-on-aws.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
    'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
  ],
};

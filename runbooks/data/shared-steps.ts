import type { Step } from '../schema.js';

/**
 * Steps several runbooks share, written once so the wording and commands stay
 * consistent. `{name}` placeholders are filled from the alert when the value is
 * safe; `<NAME>` is for the responder to fill in.
 */

const DENY_ALL = `'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'`;

export const denyAllForUser: Step = {
  title: 'If the actor is an IAM user and not authorised: deny everything it can do',
  detail:
    'An inline deny-all policy stops the user and every session it started (GetSessionToken ' +
    'credentials inherit its permissions) at once, and keeps the user for forensics.',
  command: `aws iam put-user-policy --user-name {userName} --policy-name trailwatch-deny-all --policy-document ${DENY_ALL}`,
  approval: true,
};

export const revokeRoleSessions: Step = {
  title: 'If the actor is a role session: revoke every session issued before now',
  detail:
    'Denies all actions to sessions whose token was issued before the given time (what the ' +
    'console\'s "Revoke active sessions" does); new legitimate sessions keep working.',
  command:
    `aws iam put-role-policy --role-name {roleName} --policy-name trailwatch-revoke-older-sessions --policy-document ` +
    `'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"<NOW_ISO8601>"}}}]}'`,
  approval: true,
};

export const deactivateAccessKey: Step = {
  title: 'Deactivate (do not delete) the access key',
  detail:
    'Inactive keys stop working immediately and can be re-enabled if the owner was legitimate; ' +
    'deleting loses the link between the key and its CloudTrail history.',
  command:
    'aws iam update-access-key --user-name {userName} --access-key-id {accessKeyId} --status Inactive',
  approval: true,
};

export const followPersistenceRunbook: Step = {
  title: 'Remove persistence the actor created',
  detail:
    'Users, access keys, login profiles, policies, roles and trust policy changes made in the ' +
    'window: follow the iam-privilege-escalation runbook with the same window.',
};

export const timelineStep: Step = {
  title: 'Write the incident timeline',
  detail:
    'First malicious event, detection (alert time), containment, eradication and recovery, with ' +
    'event ids from the investigation queries; derive time to detect, contain and recover.',
};

export const detectionGapStep: Step = {
  title: 'Close the detection and prevention gaps',
  detail:
    'Which earlier event could have alerted sooner? Add or tune a detector, and a preventive ' +
    'guardrail (SCP, permission boundary, Config rule) so the same path is closed.',
};

export const lookupByUser: Step = {
  title: "Pull the actor's management events from CloudTrail event history",
  detail:
    'Event history keeps 90 days of management events per region even when a trail is stopped; ' +
    'use it to fill gaps in the trail.',
  command:
    'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=Username,AttributeValue={userName} --start-time <START> --end-time <END>',
};

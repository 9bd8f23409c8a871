import {
  lambdaChangesInWindow,
  lambdaFunctionChanges,
  lambdaInvocationsByHour,
  principalTimeline,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const lambdaBackdoor: Runbook = {
  id: 'lambda-backdoor',
  title: 'Lambda backdoor or abuse',
  summary:
    'A function was opened to the public or another account (resource policy, URL without auth), ' +
    'given a layer from an unknown publisher, or invoked far more than usual. A public function ' +
    "runs with its role's permissions for anyone who calls it.",
  detectors: [
    'iam-changes-by-lambda-role',
    'lambda-code-updated-by-human',
    'lambda-execution-role-changed',
    'lambda-foreign-layer',
    'lambda-function-deleted',
    'lambda-function-url-no-auth',
    'lambda-invoke-burst',
    'lambda-layer-added-by-human',
    'lambda-permission-public-or-cross-account',
    'lambda-permission-unverified-organization',
  ],
  severity: {
    P1: 'Public or foreign access to a function whose role can reach data or IAM, or invocations from the new principal.',
    P2: 'Public or foreign access, no invocations yet; or a layer from an unknown account.',
    P3: 'Access granted to a known partner account without a ticket.',
    P4: 'Intended public endpoint confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'Read the function resource policy and URL config',
        command:
          'aws lambda get-policy --region {region} --function-name {functionName}; aws lambda get-function-url-config --region {region} --function-name {functionName}',
      },
      {
        title: 'Read the configuration: role, layers, environment',
        command:
          'aws lambda get-function-configuration --region {region} --function-name {functionName}',
      },
      {
        title: 'See whether the new access was used',
        detail:
          'lambda-invocations-by-hour (needs Lambda data events) and CloudWatch Invocations metrics.',
      },
    ],
    contain: [
      {
        title: 'Stop all invocations at once',
        detail:
          'Reserved concurrency 0 throttles every caller without changing code or policy (kept as evidence).',
        command:
          'aws lambda put-function-concurrency --region {region} --function-name {functionName} --reserved-concurrent-executions 0',
        approval: true,
      },
      {
        title: 'Remove the public or foreign permission',
        command:
          'aws lambda remove-permission --region {region} --function-name {functionName} --statement-id <STATEMENT_ID>',
        approval: true,
      },
      {
        title: 'Remove the unauthenticated function URL',
        command:
          'aws lambda delete-function-url-config --region {region} --function-name {functionName}',
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      {
        title: 'Download the deployed code and compare with the source',
        command:
          "aws lambda get-function --region {region} --function-name {functionName} --query 'Code.Location'",
      },
      {
        title: 'Redeploy from the pipeline, without foreign layers',
        detail: 'lambda-changes-in-window: check the other functions the actor touched.',
      },
      {
        title: 'Rotate what the function role could read',
        detail: 'Anyone invoking it acted with its role: secrets, keys and data it can reach.',
      },
    ],
    recover: [
      {
        title: 'Restore concurrency once the function is clean',
        command:
          'aws lambda delete-function-concurrency --region {region} --function-name {functionName}',
        approval: true,
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Limit who can change function policies and code',
        detail:
          'SCP or boundary on lambda:AddPermission, lambda:CreateFunctionUrlConfig and lambda:UpdateFunctionCode; code signing.',
      },
      detectionGapStep,
    ],
  },
  queries: [
    lambdaFunctionChanges,
    lambdaInvocationsByHour,
    lambdaChangesInWindow,
    principalTimeline,
  ],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html',
  ],
};

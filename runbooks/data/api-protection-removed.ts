import { apiProtectionChanges, principalTimeline, sourceIpActivity } from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const apiProtectionRemoved: Runbook = {
  id: 'api-protection-removed',
  title: 'API Gateway or WAF protection removed',
  summary:
    'Authorization was removed from an API Gateway method or route, an authorizer deleted, or a ' +
    'WAF web ACL detached or deleted. The API and its backend now answer unauthenticated or ' +
    'unfiltered traffic.',
  detectors: [
    'apigateway-authorization-removed',
    'cloudfront-waf-removed',
    'waf-ip-set-emptied',
    'waf-logging-removed',
    'waf-rule-group-deleted',
    'waf-web-acl-removed',
    'waf-web-acl-rules-removed',
  ],
  severity: {
    P1: 'Authorization removed from a method that reaches data or changes state, or WAF removed from a production API under attack.',
    P2: 'Protection removed by an unknown actor, no abuse seen yet.',
    P3: 'Known engineer, no ticket.',
    P4: 'Intended public endpoint or planned WAF migration confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'Read the method authorization now',
        command:
          'aws apigateway get-method --region {region} --rest-api-id <REST_API_ID> --resource-id <RESOURCE_ID> --http-method <HTTP_METHOD>',
      },
      {
        title: 'See which web ACL (if any) protects the resource',
        command:
          'aws wafv2 get-web-acl-for-resource --region {region} --resource-arn <RESOURCE_ARN>',
      },
      {
        title: 'Check API access logs for unauthenticated calls since the change',
        detail: 'Stage access logs or execution logs in CloudWatch Logs.',
      },
    ],
    contain: [
      {
        title: 'Restore authorization on the method and deploy',
        command:
          'aws apigateway update-method --region {region} --rest-api-id <REST_API_ID> --resource-id <RESOURCE_ID> --http-method <HTTP_METHOD> --patch-operations op=replace,path=/authorizationType,value=<AWS_IAM_OR_CUSTOM> && aws apigateway create-deployment --region {region} --rest-api-id <REST_API_ID> --stage-name <STAGE>',
        approval: true,
      },
      {
        title: 'Re-associate the web ACL',
        command:
          'aws wafv2 associate-web-acl --region {region} --web-acl-arn <WEB_ACL_ARN> --resource-arn <RESOURCE_ARN>',
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      {
        title: 'Revert the other changes by the same actor',
        detail:
          'api-protection-changes: stages, authorizers, rule groups, IP sets, CloudFront distributions.',
      },
    ],
    recover: [
      {
        title: 'Rotate secrets the backend exposed, if it was called',
        detail: 'Data returned to unauthenticated callers may need breach assessment.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Manage APIs and WAF associations only through the pipeline',
        detail:
          'Firewall Manager to enforce web ACLs; SCP denying apigateway PATCH outside the deploy role.',
      },
      detectionGapStep,
    ],
  },
  queries: [apiProtectionChanges, principalTimeline, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/fms-chapter.html',
  ],
};

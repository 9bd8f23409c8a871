import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import type { CloudTrailEvent, Detector, DetectorSettings } from '../types.js';

/**
 * Topics whose messages tell an intruder what the defenders see, or carry data:
 * security findings, audit and trail notifications, incident and compliance feeds.
 */
const SENSITIVE_TOPIC =
  /secur|guardduty|securityhub|macie|inspector|cloudtrail|audit|incident|finding|compliance|siem|trailwatch|breach|fraud|pii|payment|customer/i;

/** Protocols that deliver outside AWS whatever the endpoint. */
const OUTSIDE_PROTOCOLS = new Set(['email', 'email-json', 'sms']);
/** Protocols whose endpoint is an AWS resource ARN. */
const ARN_PROTOCOLS = new Set(['sqs', 'lambda', 'firehose', 'application']);

/** Host names of AWS-operated HTTP endpoints (API Gateway, Lambda function URLs). */
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|on\.aws)$/i;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Where a subscription delivers to, when that is outside AWS or outside the trusted accounts. */
function outsideDestination(
  event: CloudTrailEvent,
  topicAccount: string,
  settings: DetectorSettings,
): string | undefined {
  const protocol = requestField(event, 'protocol')?.toLowerCase();
  const endpoint = requestField(event, 'endpoint') ?? 'an unnamed endpoint';
  if (!protocol) return undefined;
  if (OUTSIDE_PROTOCOLS.has(protocol)) return `${protocol} ${endpoint}`;
  if (protocol === 'http' || protocol === 'https') {
    const host = hostOf(endpoint);
    return host && AWS_HOST.test(host) ? undefined : `${protocol} ${host ?? endpoint}`;
  }
  if (ARN_PROTOCOLS.has(protocol)) {
    const owner = accountFromArn(endpoint);
    return owner && !isTrustedAccount(owner, topicAccount, settings)
      ? `${protocol} ${endpoint} of account ${owner}`
      : undefined;
  }
  return undefined;
}

/** A topic got a subscriber outside AWS or outside the organisation. */
export const snsSubscriptionExternalEndpoint: Detector = {
  id: 'sns-subscription-external-endpoint',
  title: 'SNS topic subscribed to an outside endpoint',
  severity: 'low',
  description:
    'SNS Subscribe added an email, email-json, SMS or HTTP(S) subscriber that is not an AWS ' +
    'endpoint (API Gateway and Lambda URLs are), or an SQS, Lambda or Firehose endpoint in an ' +
    'account that is neither the topic owner nor trusted. Every message published afterwards ' +
    'leaves with it: intruders subscribe to security-alert topics to watch the defenders, and to ' +
    'data topics to siphon records. Medium when the topic name suggests security, audit or ' +
    'customer data, when the endpoint belongs to an outside account, or when the subscriber ' +
    "itself is from another account than the topic's; low otherwise, because people subscribe " +
    'their mailboxes to alarm topics every day. Calls through CloudFormation or another AWS ' +
    'service are ignored. Benign causes: on-call engineers subscribing to alerts, SaaS ' +
    'integrations (chat, paging) through HTTPS.',
  attack: ['T1567', 'T1020'],
  references: [
    'https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html',
    'https://docs.aws.amazon.com/sns/latest/dg/logging-using-cloudtrail.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sns.amazonaws.com', eventNames: ['Subscribe'] }],
  match(event, ctx) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const topic = requestField(event, 'topicArn') ?? 'an unnamed topic';
    const topicAccount = accountFromArn(topic) ?? accountOf(event);
    const destination = outsideDestination(event, topicAccount, ctx.settings);
    if (!destination) return undefined;
    const caller = event.userIdentity?.accountId ?? undefined;
    const foreignCaller = caller !== undefined && caller !== topicAccount;
    const topicName = topic.split(':').pop() ?? topic;
    const sensitive = SENSITIVE_TOPIC.test(topicName);
    const medium = sensitive || foreignCaller || destination.includes(' of account ');
    return {
      summary: `${principalOf(event)} subscribed ${destination} to SNS topic ${topic}`,
      severity: medium ? 'medium' : undefined,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${topic}`,
      resources: [topic],
    };
  },
};

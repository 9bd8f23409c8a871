import type { SNSClient } from '@aws-sdk/client-sns';
import { SnsAlertPublisher, type SnsPublisherOptions } from '../../alerting/publishers/sns.js';
import type { HandlerConfig } from './config.js';

/**
 * The SNS publisher the handlers use: severity routing from the config and a
 * per-topic budget that lives as long as the container (alerting/publishers/topic-budget.ts):
 * a storm reaches each topic as at most `alertsPerTopicPerMinute` messages, as many
 * again reserved for critical alerts, plus one summary per batch; one detector's flood
 * folds only its own alerts. `options` (tests) override the defaults.
 */
export function createAlertPublisher(
  sns: SNSClient,
  config: HandlerConfig,
  options: SnsPublisherOptions = {},
): SnsAlertPublisher {
  return new SnsAlertPublisher(sns, (severity) => config.topicFor(severity), {
    budget: { maxAlerts: config.alertsPerTopicPerMinute, windowMs: 60_000 },
    ...options,
  });
}

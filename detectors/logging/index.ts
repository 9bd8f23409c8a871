export { cloudwatchAlarmsDisabled } from './cloudwatch-alarms-disabled.js';
export { cloudwatchLogsDeleted } from './cloudwatch-logs-deleted.js';
export { cloudwatchLogsForwardingRemoved } from './cloudwatch-logs-forwarding-removed.js';
export { dnsQueryLoggingRemoved } from './dns-query-logging-removed.js';
export { eventbridgeRuleDisabled } from './eventbridge-rule-disabled.js';
export { vpcFlowLogsDeleted } from './vpc-flow-logs-deleted.js';

export * from './aggregator.js';
export * from './alert.js';
export { alertFromGroup, alertId } from './alert-builder.js';
export { byUrgency } from './alert-order.js';
export * from './errors.js';
export { keyMarkId, learningMarkId } from './first-seen.js';
export { InMemoryAlertStateStore } from './in-memory-state-store.js';
export * from './publishers/json.js';
export * from './publishers/jsonl.js';
export * from './publishers/publisher.js';
export * from './publishers/sns.js';
export * from './publishers/table.js';
export { alertToJson } from './safe-json.js';
export * from './sanitize.js';
export {
  buildSnsMessage,
  DEFAULT_MESSAGE_BUDGET_BYTES,
  emailBody,
  fallbackSnsMessage,
  SNS_MAX_MESSAGE_BYTES,
  type SnsMessage,
  subjectFor,
} from './sns-message.js';
export type * from './state-store.js';

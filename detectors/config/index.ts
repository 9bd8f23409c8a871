export { configAggregatorDeleted } from './config-aggregator-deleted.js';
export { configConformancePackDeleted } from './config-conformance-pack-deleted.js';
export { configHistoryRetentionShortened } from './config-history-retention-shortened.js';
export { configOrganizationRuleDeleted } from './config-organization-rule-deleted.js';
export { configRecorderStopped } from './config-recorder-stopped.js';
export { configRecordingNarrowed } from './config-recording-narrowed.js';
export { configRemediationRemoved } from './config-remediation-removed.js';
export { configServiceChanged } from './config-service-changed.js';

export { guarddutyDisabled } from './guardduty-disabled.js';
export { guarddutyFindingsArchived } from './guardduty-findings-archived.js';
export { guarddutyFindingsExportRemoved } from './guardduty-findings-export-removed.js';
export { guarddutyInvitationsRemoved } from './guardduty-invitations-removed.js';
export { guarddutyOrganizationCoverageReduced } from './guardduty-organization-coverage-reduced.js';
export { guarddutyThreatListDeleted } from './guardduty-threat-list-deleted.js';
export { guarddutyTrustedListChanged } from './guardduty-trusted-list-changed.js';

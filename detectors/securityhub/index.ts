export { macieDisabled } from './macie-disabled.js';
export { securityhubDisabledOrSuppressed } from './securityhub-disabled-or-suppressed.js';
export { securityhubOrganizationCoverageReduced } from './securityhub-organization-coverage-reduced.js';
export { securityhubV2FindingsSuppressed } from './securityhub-v2-findings-suppressed.js';

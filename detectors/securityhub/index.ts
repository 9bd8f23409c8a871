export { macieDisabled } from './macie-disabled.js';
export { securityhubDisabledOrSuppressed } from './securityhub-disabled-or-suppressed.js';

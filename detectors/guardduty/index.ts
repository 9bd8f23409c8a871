export { guarddutyDisabled } from './guardduty-disabled.js';
export { guarddutyTrustedListChanged } from './guardduty-trusted-list-changed.js';

export { macieDiscoveryDisabled } from './macie-discovery-disabled.js';
export { macieMembersRemoved } from './macie-members-removed.js';

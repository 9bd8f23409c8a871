export { accessDeniedBurst } from './access-denied-burst.js';
export { accountContactChanged } from './account-contact-changed.js';
export { activityInUnapprovedRegion } from './activity-in-unapproved-region.js';
export { instanceCredentialsMultipleIps } from './instance-credentials-multiple-ips.js';
export { offensiveToolUserAgent } from './offensive-tool-user-agent.js';
export { regionEnabled } from './region-enabled.js';
export { rootAccountUsed } from './root-account-used.js';
export { rootCredentialsChanged } from './root-credentials-changed.js';

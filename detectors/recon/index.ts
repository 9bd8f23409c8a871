export { ec2UserDataReadBurst } from './ec2-user-data-read-burst.js';
export { organizationsDiscoveryFirstSeen } from './organizations-discovery-first-seen.js';
export { sesReconnaissance } from './ses-reconnaissance.js';

export { accessDeniedBurst } from './access-denied-burst.js';
export { rootAccountUsed } from './root-account-used.js';

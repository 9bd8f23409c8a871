export { sesIdentityVerified } from './ses-identity-verified.js';
export { sesSendingEnabled } from './ses-sending-enabled.js';

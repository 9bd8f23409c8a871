export { ssmSendCommandMultipleInstances } from './ssm-send-command-multiple-instances.js';
export { ssmSessionFirstSeenPrincipal } from './ssm-session-first-seen-principal.js';

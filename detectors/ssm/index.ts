export { ssmDocumentCreated } from './ssm-document-created.js';
export { ssmDocumentShared } from './ssm-document-shared.js';
export { ssmSendCommandMultipleInstances } from './ssm-send-command-multiple-instances.js';
export { ssmSessionBurst } from './ssm-session-burst.js';
export { ssmSessionFirstSeenPrincipal } from './ssm-session-first-seen-principal.js';
export { ssmShellCommandFirstSeenPrincipal } from './ssm-shell-command-first-seen-principal.js';

export { stsAssumeRoot } from './sts-assume-root.js';
export { stsFederationTokenCreated } from './sts-federation-token-created.js';
export { stsSessionTokenByIamUser } from './sts-session-token-by-iam-user.js';

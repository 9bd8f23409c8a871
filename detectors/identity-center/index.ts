export { identityCenterAccountAssignmentCreated } from './identity-center-account-assignment-created.js';
export { identityCenterAdminPermissionSet } from './identity-center-admin-permission-set.js';
export { identityCenterIdentitySourceChanged } from './identity-center-identity-source-changed.js';
export { identityCenterProvisioningTokenCreated } from './identity-center-provisioning-token-created.js';
export { identityCenterUserCredentialsReset } from './identity-center-user-credentials-reset.js';

export { iamAccessKeyForOtherUser } from './iam-access-key-for-other-user.js';
export { iamAdminPolicyAttached } from './iam-admin-policy-attached.js';
export { iamLoginProfileCreated } from './iam-login-profile-created.js';
export { iamPolicyChanged } from './iam-policy-changed.js';
export { iamPolicyGrantsFullAdmin } from './iam-policy-grants-full-admin.js';
export { iamUserCreated } from './iam-user-created.js';

export { cognitoIdentityPoolGuestAccessEnabled } from './cognito-identity-pool-guest-access-enabled.js';
export { cognitoUnauthenticatedCredentials } from './cognito-unauthenticated-credentials.js';
export { cognitoUserPasswordSetByAdmin } from './cognito-user-password-set-by-admin.js';

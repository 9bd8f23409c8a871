export { consoleLoginFailures } from './console-login-failures.js';
export { consoleLoginNewSource } from './console-login-new-source.js';
export { consoleLoginWithoutMfa } from './console-login-without-mfa.js';
export { consolePasswordSpraying } from './console-password-spraying.js';
export { consoleSigninTokenPivot } from './console-signin-token-pivot.js';

export { consoleLoginFailures } from './console-login-failures.js';
export { consoleLoginWithoutMfa } from './console-login-without-mfa.js';

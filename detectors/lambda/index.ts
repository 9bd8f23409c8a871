export { lambdaForeignLayer } from './lambda-foreign-layer.js';
export { lambdaFunctionUrlNoAuth } from './lambda-function-url-no-auth.js';
export { lambdaPermissionPublicOrCrossAccount } from './lambda-permission-public-or-cross-account.js';

export { lambdaCodeUpdatedByHuman } from './lambda-code-updated-by-human.js';
export { lambdaExecutionRoleChanged } from './lambda-execution-role-changed.js';
export { lambdaForeignLayer } from './lambda-foreign-layer.js';
export { lambdaFunctionUrlNoAuth } from './lambda-function-url-no-auth.js';
export { lambdaInvokeBurst } from './lambda-invoke-burst.js';
export { lambdaPermissionPublicOrCrossAccount } from './lambda-permission-public-or-cross-account.js';

export { ec2PasswordDataBurst } from './ec2-password-data-burst.js';
export { secretsBulkRead } from './secrets-bulk-read.js';
export { secretsForceDeleted } from './secrets-force-deleted.js';
export { secretsPolicyPublic } from './secrets-policy-public.js';
export { ssmSecurestringBulkRead } from './ssm-securestring-bulk-read.js';

export { ec2Templates } from './ec2.js';
export { iamTemplates } from './iam.js';
export { kmsTemplates } from './kms.js';
export { lambdaTemplates } from './lambda.js';
export { monitoringTemplates } from './monitoring.js';
export { platformTemplates } from './platform.js';
export { s3Templates } from './s3.js';
export { stsTemplates } from './sts.js';
export type { CallBody, Template } from './template.js';

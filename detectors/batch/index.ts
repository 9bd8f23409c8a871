export { batchJobCommandOverridden } from './batch-job-command-overridden.js';

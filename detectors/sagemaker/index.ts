export { sagemakerLifecycleConfigChanged } from './sagemaker-lifecycle-config-changed.js';
export { sagemakerPrivilegedRolePassed } from './sagemaker-privileged-role-passed.js';

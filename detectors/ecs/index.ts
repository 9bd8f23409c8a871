export { ecsExecuteCommandFirstSeenPrincipal } from './ecs-execute-command-first-seen-principal.js';
export { ecsTaskCommandOverridden } from './ecs-task-command-overridden.js';
export { ecsTaskDefinitionRisky } from './ecs-task-definition-risky.js';

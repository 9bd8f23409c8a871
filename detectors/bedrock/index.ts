export { bedrockGuardrailOrLoggingRemoved } from './bedrock-guardrail-or-logging-removed.js';
export { bedrockInvocationLoggingWeakened } from './bedrock-invocation-logging-weakened.js';
export { bedrockModelAccessGranted } from './bedrock-model-access-granted.js';

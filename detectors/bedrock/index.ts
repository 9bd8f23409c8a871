export { bedrockGuardrailOrLoggingRemoved } from './bedrock-guardrail-or-logging-removed.js';
export { bedrockModelAccessGranted } from './bedrock-model-access-granted.js';

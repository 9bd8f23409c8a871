export { bedrockInvokeFirstSeenPrincipal } from './bedrock-invoke-first-seen-principal.js';
export { bedrockInvokeManyModels } from './bedrock-invoke-many-models.js';
export { instanceCredentialsDesktopUserAgent } from './instance-credentials-desktop-user-agent.js';
export { instanceCredentialsDiscoveryBurst } from './instance-credentials-discovery-burst.js';
export { instanceCredentialsOutsideAws } from './instance-credentials-outside-aws.js';

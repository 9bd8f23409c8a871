export { resourcePolicyMadePublic } from './resource-policy-made-public.js';

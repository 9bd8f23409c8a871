export { securityGroupOpenToWorld } from './security-group-open-to-world.js';

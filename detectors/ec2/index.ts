export { ec2UnusualInstanceType } from './ec2-unusual-instance-type.js';
export { securityGroupOpenToWorld } from './security-group-open-to-world.js';

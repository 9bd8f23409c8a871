export { networkAclChanged } from './network-acl-changed.js';
export { networkAclPermissiveEntry } from './network-acl-permissive-entry.js';
export { networkGatewayChanged } from './network-gateway-changed.js';
export { rdsMadePublic } from './rds-made-public.js';
export { routeTableChanged } from './route-table-changed.js';
export { securityGroupChanged } from './security-group-changed.js';
export { trafficMirroringCreated } from './traffic-mirroring-created.js';
export { vpcChanged } from './vpc-changed.js';

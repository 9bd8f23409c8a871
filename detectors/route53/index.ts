export { route53DomainTransfer } from './route53-domain-transfer.js';
export { route53PrivateZoneShared } from './route53-private-zone-shared.js';
export { route53ResolverForwardingOutside } from './route53-resolver-forwarding-outside.js';

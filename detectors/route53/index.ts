export { route53DomainTransfer } from './route53-domain-transfer.js';

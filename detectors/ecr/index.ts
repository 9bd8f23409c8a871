export { ecrPolicySharedOutside } from './ecr-policy-shared-outside.js';
export { ecrReplicationToExternalAccount } from './ecr-replication-to-external-account.js';

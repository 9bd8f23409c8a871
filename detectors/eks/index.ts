export { eksAccessEntryCreated } from './eks-access-entry-created.js';
export { eksClusterAdminPolicyAssociated } from './eks-cluster-admin-policy-associated.js';
export { eksControlPlaneLoggingDisabled } from './eks-control-plane-logging-disabled.js';

export { grantsFullAdministration } from './full-admin.js';
export {
  describeOutside,
  grantPermits,
  isDirect,
  type Outside,
  type OutsideGrant,
  outsideAccess,
} from './outside-access.js';
export { isOurs, type Ownership, ownershipOf } from './ownership.js';
export {
  type ConditionEntry,
  type PolicyDocument,
  type PolicyStatement,
  readPolicy,
  readStatement,
} from './policy-document.js';

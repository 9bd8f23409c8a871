import type { DetectorSettings } from '../types.js';

/** Whose accounts and organisations are ours, as the operator configured them. */
export interface Ownership {
  readonly ownAccount: string;
  readonly trustedAccounts: readonly string[];
  /** Empty: the operator did not say, and a grant pinned to an organisation is presumed ours. */
  readonly trustedOrganizationIds: readonly string[];
}

/** The resource owner's account plus the operator's trusted accounts and organisations. */
export function ownershipOf(ownAccount: string, settings: DetectorSettings): Ownership {
  return {
    ownAccount,
    trustedAccounts: settings.trustedAccounts,
    trustedOrganizationIds: settings.trustedOrganizationIds,
  };
}

export function isOurs(account: string, owner: Ownership): boolean {
  return account === owner.ownAccount || owner.trustedAccounts.includes(account);
}

import type { DetectorSettings, Severity } from '../types.js';

/** How far an organisation named in a grant can be trusted, as an alert severity. */
export interface OrganizationVerdict {
  readonly severity: Severity;
  readonly organization: string;
}

/**
 * Judges a grant to every account of organisation `organizationId`: undefined
 * when it is one of `trustedOrganizationIds`; high when organisations are listed
 * and this one is not; medium when none are listed, because ours cannot then be
 * told apart from a stranger's.
 */
export function judgeOrganization(
  organizationId: string,
  settings: DetectorSettings,
): OrganizationVerdict | undefined {
  const organization = organizationId.trim();
  if (settings.trustedOrganizationIds.includes(organization)) return undefined;
  const severity = settings.trustedOrganizationIds.length > 0 ? 'high' : 'medium';
  return { severity, organization };
}

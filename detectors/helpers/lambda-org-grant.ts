import type { CloudTrailEvent, DetectorSettings, Severity } from '../types.js';
import { baseEventName } from './event-name.js';
import { asString, getPath } from './fields.js';
import { accountFromArn, accountOf } from './identity.js';
import { functionAccountOf, functionNameOf } from './lambda-names.js';
import { judgeOrganization } from './organization-trust.js';
import { classifyPrincipal } from './resource-principal.js';

/**
 * A Lambda function or layer granted to `*` and limited only by an organisation
 * id (`principalOrgID` on AddPermission, `organizationId` on
 * AddLayerVersionPermission). The grant is as wide as that organisation.
 */
export interface OrganizationGrant {
  readonly kind: 'function' | 'layer';
  /** Function name or ARN, or layer name or ARN, as the request gave it. */
  readonly resource: string;
  /** The account that owns the function or layer. */
  readonly owner: string;
  readonly organization: string;
  readonly severity: Severity;
  /** The action granted (`lambda:InvokeFunction`, `lambda:GetLayerVersion`...). */
  readonly action: string;
}

function field(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key))?.trim();
  return value ? value : undefined;
}

/**
 * True when a condition other than the organisation also pins the grant: a
 * source account, or a source ARN naming an account or one exact S3 bucket. Only
 * calls made by a service on behalf of that source carry those keys, so an
 * account of the organisation calling directly is shut out.
 */
function pinnedBeyondOrganization(event: CloudTrailEvent): boolean {
  if (field(event, 'sourceAccount')) return true;
  const sourceArn = field(event, 'sourceArn');
  if (!sourceArn) return false;
  if (accountFromArn(sourceArn)) return true;
  return sourceArn.split(':')[2] === 's3' && !/[*?]/.test(sourceArn);
}

function functionGrant(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): OrganizationGrant | undefined {
  const organizationId = field(event, 'principalOrgID');
  if (!organizationId) return undefined;
  if (classifyPrincipal(getPath(event.requestParameters, 'principal'))?.kind !== 'anyone') {
    return undefined;
  }
  // `*` with a function URL of auth type NONE is public whatever the organisation:
  // lambda-permission-public-or-cross-account reports that one as critical.
  if (field(event, 'functionUrlAuthType')?.toUpperCase() === 'NONE') return undefined;
  if (pinnedBeyondOrganization(event)) return undefined;
  const verdict = judgeOrganization(organizationId, settings);
  if (!verdict) return undefined;
  return {
    kind: 'function',
    resource: functionNameOf(event) ?? 'unknown function',
    owner: functionAccountOf(event),
    organization: verdict.organization,
    severity: verdict.severity,
    action: field(event, 'action') ?? 'lambda:InvokeFunction',
  };
}

function layerGrant(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): OrganizationGrant | undefined {
  const organizationId = field(event, 'organizationId');
  if (!organizationId) return undefined;
  if (classifyPrincipal(getPath(event.requestParameters, 'principal'))?.kind !== 'anyone') {
    return undefined;
  }
  const verdict = judgeOrganization(organizationId, settings);
  if (!verdict) return undefined;
  const layer = field(event, 'layerName') ?? 'unknown layer';
  return {
    kind: 'layer',
    resource: layer,
    owner: accountFromArn(layer) ?? accountOf(event),
    organization: verdict.organization,
    severity: verdict.severity,
    action: field(event, 'action') ?? 'lambda:GetLayerVersion',
  };
}

/**
 * The organisation-wide grant an AddPermission or AddLayerVersionPermission call
 * made, when that organisation is not one of `trustedOrganizationIds`: high when
 * organisations are listed, medium when none are (see `judgeOrganization`).
 * Undefined for every other grant. Reads the request only, so it serves
 * successful calls and attempts alike.
 */
export function untrustedOrganizationGrant(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): OrganizationGrant | undefined {
  return baseEventName(event.eventName) === 'AddLayerVersionPermission'
    ? layerGrant(event, settings)
    : functionGrant(event, settings);
}

/**
 * The same grant, only while no trusted organisations are configured: the case
 * the policy evaluator (detectors/semantics) leaves without an opinion, since
 * ours cannot be told from a stranger's. With organisations listed,
 * lambda-permission-public-or-cross-account judges these grants itself.
 */
export function unverifiedOrganizationGrant(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): OrganizationGrant | undefined {
  if (settings.trustedOrganizationIds.length > 0) return undefined;
  return untrustedOrganizationGrant(event, settings);
}

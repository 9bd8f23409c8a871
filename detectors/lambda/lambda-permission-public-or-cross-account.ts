import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalOf } from '../helpers/identity.js';
import { functionAccountOf, functionNameOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import { lambdaPermissionStatement } from '../helpers/policy-lambda-permission.js';
import { type Outside, outsideAccess, ownershipOf } from '../semantics/index.js';
import type {
  CloudTrailEvent,
  Detector,
  DetectorSettings,
  FindingDraft,
  Severity,
} from '../types.js';

interface Grant {
  readonly severity: Severity;
  /** Who can now use the resource, in words. */
  readonly grantee: string;
}

function field(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key));
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Who outside the owner's trusted set the call lets in, most exposed first. */
function outsidersLetIn(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
  layer: boolean,
): Outside[] {
  const statement = lambdaPermissionStatement(event, layer);
  if (!statement) return [];
  const rank = (who: Outside) => (who.kind === 'anyone' ? 0 : who.kind === 'service' ? 2 : 1);
  return outsideAccess({ statements: [statement] }, ownershipOf(own, settings))
    .map((grant) => grant.who)
    .sort((a, b) => rank(a) - rank(b));
}

/** Judges an AddPermission grant on a function; undefined when it stays inside trusted accounts. */
function judgeFunctionGrant(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
): Grant | undefined {
  const who = outsidersLetIn(event, own, settings, false)[0];
  switch (who?.kind) {
    case undefined:
      return undefined;
    case 'anyone':
      return field(event, 'functionUrlAuthType')?.toUpperCase() === 'NONE'
        ? { severity: 'critical', grantee: 'anyone on the internet (function URL, no auth)' }
        : { severity: 'high', grantee: 'any AWS principal (public)' };
    case 'account':
      return {
        severity: 'high',
        grantee: who.via
          ? `${who.via} for resources in account ${who.account}`
          : `account ${who.account}`,
      };
    case 'organization':
      return {
        severity: 'high',
        grantee: who.via
          ? `${who.via} for resources in organization ${who.organization}`
          : `organization ${who.organization}`,
      };
    case 'service':
      // Without a source condition any account's resources can make the service
      // invoke this function (confused deputy): risky, but common in older templates.
      return {
        severity: 'medium',
        grantee: `${who.service} for any account (no sourceArn or sourceAccount)`,
      };
  }
}

/** Judges an AddLayerVersionPermission grant; layers hold code, not an entry point. */
function judgeLayerGrant(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
): Grant | undefined {
  const who = outsidersLetIn(event, own, settings, true)[0];
  if (who?.kind === 'anyone')
    return { severity: 'high', grantee: 'every AWS account (public layer)' };
  if (who?.kind === 'account') return { severity: 'medium', grantee: `account ${who.account}` };
  if (who?.kind === 'organization') {
    return { severity: 'medium', grantee: `organization ${who.organization}` };
  }
  return undefined;
}

function matchLayer(event: CloudTrailEvent, settings: DetectorSettings): FindingDraft | undefined {
  const layer = field(event, 'layerName') ?? 'unknown layer';
  const own = accountFromArn(layer) ?? accountOf(event);
  const grant = judgeLayerGrant(event, own, settings);
  if (!grant) return undefined;
  const raw = getPath(event.requestParameters, 'versionNumber');
  const version = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '?';
  return {
    summary: `${principalOf(event)} shared layer ${layer} version ${version} with ${grant.grantee}`,
    severity: grant.severity,
    dedupKey: `${own}|layer|${layer}|${grant.grantee}`,
    resources: [layer],
  };
}

function matchFunction(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): FindingDraft | undefined {
  const own = functionAccountOf(event);
  const grant = judgeFunctionGrant(event, own, settings);
  if (!grant) return undefined;
  const fn = functionNameOf(event) ?? 'unknown function';
  const action = field(event, 'action') ?? 'access';
  return {
    summary: `${principalOf(event)} granted ${grant.grantee} ${action} on function ${fn}`,
    severity: grant.severity,
    dedupKey: `${own}|function|${fn}|${grant.grantee}`,
    resources: [fn],
  };
}

/** A Lambda function or layer resource policy now lets in the public or an untrusted account. */
export const lambdaPermissionPublicOrCrossAccount: Detector = {
  id: 'lambda-permission-public-or-cross-account',
  title: 'Lambda function or layer opened to the public or another account',
  severity: 'high',
  description:
    'AddPermission granted a function to `*` or to an account that is neither the function ' +
    "owner's nor in trustedAccounts (directly, or through a service principal whose sourceAccount " +
    'or sourceArn names such an account), or to `*` limited by principalOrgID to an ' +
    'organisation outside trustedOrganizationIds. Attackers use this as a backdoor: the ' +
    'function can be invoked, or its code fetched, from outside. Critical when `*` may call a ' +
    'function URL with auth type NONE. `*` restricted by a trusted principalOrgID, our ' +
    'sourceAccount or a sourceArn naming our resource is not flagged. Medium when a service principal (s3, events, sns, apigateway...) is granted with no ' +
    'sourceArn or sourceAccount: any account can then point that service at the function ' +
    '(confused deputy); common in older templates. AddLayerVersionPermission to `*` without an ' +
    'organizationId (public layer, high) or to an untrusted account or organisation (medium) ' +
    'is flagged too. ' +
    'Benign causes: cross-account event buses or pipelines with accounts missing from ' +
    'trustedAccounts, public webhooks behind a function URL.',
  attack: ['T1098'],
  references: [
    'Lambda.1',
    'https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html',
    'https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'lambda.amazonaws.com',
      eventNames: ['AddPermission', 'AddLayerVersionPermission'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    return baseEventName(event.eventName) === 'AddLayerVersionPermission'
      ? matchLayer(event, ctx.settings)
      : matchFunction(event, ctx.settings);
  },
};

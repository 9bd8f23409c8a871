import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalOf } from '../helpers/identity.js';
import { functionAccountOf, functionNameOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import {
  classifyPrincipal,
  embeddedAccount,
  isTrustedAccount,
} from '../helpers/resource-principal.js';
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

/**
 * A source ARN pins a grant to one resource only when it names an account, or
 * is an S3 bucket ARN (bucket ARNs carry no account) without wildcards.
 * `arn:aws:execute-api:eu-west-1::*` pins nothing.
 */
function sourceArnPins(sourceArn: string | undefined): boolean {
  if (!sourceArn) return false;
  if (accountFromArn(sourceArn)) return true;
  return sourceArn.split(':')[2] === 's3' && !/[*?]/.test(sourceArn);
}

/** The first account named by sourceAccount / sourceArn that is neither ours nor trusted. */
function foreignSourceAccount(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
): string | undefined {
  const named = [field(event, 'sourceAccount'), accountFromArn(field(event, 'sourceArn'))];
  return named.find(
    (account): account is string =>
      account !== undefined && !isTrustedAccount(account, own, settings),
  );
}

/** Judges an AddPermission grant on a function; undefined when it stays inside trusted accounts. */
function judgeFunctionGrant(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
): Grant | undefined {
  const principal = classifyPrincipal(getPath(event.requestParameters, 'principal'));
  if (!principal) return undefined;
  const foreignSource = foreignSourceAccount(event, own, settings);
  const pinned =
    field(event, 'sourceAccount') !== undefined ||
    sourceArnPins(field(event, 'sourceArn')) ||
    field(event, 'principalOrgID') !== undefined;

  switch (principal.kind) {
    case 'anyone':
      if (field(event, 'functionUrlAuthType')?.toUpperCase() === 'NONE') {
        return { severity: 'critical', grantee: 'anyone on the internet (function URL, no auth)' };
      }
      if (foreignSource) return { severity: 'high', grantee: `account ${foreignSource}` };
      return pinned ? undefined : { severity: 'high', grantee: 'any AWS principal (public)' };
    case 'account':
      return isTrustedAccount(principal.account, own, settings)
        ? undefined
        : { severity: 'high', grantee: `account ${principal.account}` };
    case 'service':
      if (foreignSource) {
        return {
          severity: 'high',
          grantee: `${principal.service} for resources in account ${foreignSource}`,
        };
      }
      // Without a source condition any account's resources can make the service
      // invoke this function (confused deputy): risky, but common in older templates.
      if (pinned || field(event, 'eventSourceToken')) return undefined;
      return {
        severity: 'medium',
        grantee: `${principal.service} for any account (no sourceArn or sourceAccount)`,
      };
    case 'unknown': {
      const account = embeddedAccount(principal.value);
      return account && !isTrustedAccount(account, own, settings)
        ? { severity: 'high', grantee: `account ${account}` }
        : undefined;
    }
  }
}

/** Judges an AddLayerVersionPermission grant; layers hold code, not an entry point. */
function judgeLayerGrant(
  event: CloudTrailEvent,
  own: string,
  settings: DetectorSettings,
): Grant | undefined {
  const principal = classifyPrincipal(getPath(event.requestParameters, 'principal'));
  if (principal?.kind === 'anyone') {
    return field(event, 'organizationId')
      ? undefined
      : { severity: 'high', grantee: 'every AWS account (public layer)' };
  }
  if (principal?.kind === 'account' && !isTrustedAccount(principal.account, own, settings)) {
    return { severity: 'medium', grantee: `account ${principal.account}` };
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
    'or sourceArn names such an account). Attackers use this as a backdoor: the function can be ' +
    'invoked, or its code fetched, from outside. Critical when `*` may call a function URL with ' +
    'auth type NONE. `*` restricted by principalOrgID, sourceAccount or a pinned sourceArn is not ' +
    'flagged. Medium when a service principal (s3, events, sns, apigateway...) is granted with no ' +
    'sourceArn or sourceAccount: any account can then point that service at the function ' +
    '(confused deputy); common in older templates. AddLayerVersionPermission to `*` without an ' +
    'organizationId (public layer, high) or to an untrusted account (medium) is flagged too. ' +
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

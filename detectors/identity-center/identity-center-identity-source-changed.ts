import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

/** What each call does to who may sign in, and how much that weighs. */
const CHANGES: Readonly<Record<string, { readonly verb: string; readonly severity: Severity }>> = {
  AssociateDirectory: { verb: 'connected a directory as the identity source of', severity: 'high' },
  DisassociateDirectory: { verb: 'disconnected the directory of', severity: 'high' },
  UpdateDirectoryAssociation: { verb: 'changed the identity source of', severity: 'high' },
  CreateExternalIdPConfigurationForDirectory: {
    verb: 'configured an external SAML identity provider for',
    severity: 'high',
  },
  UpdateExternalIdPConfigurationForDirectory: {
    verb: 'changed the external SAML identity provider of',
    severity: 'high',
  },
  EnableExternalIdPConfigurationForDirectory: {
    verb: 'switched to an external identity provider on',
    severity: 'high',
  },
  DisableExternalIdPConfigurationForDirectory: {
    verb: 'switched off the external identity provider of',
    severity: 'high',
  },
  DeleteExternalIdPConfigurationForDirectory: {
    verb: 'deleted the external identity provider of',
    severity: 'high',
  },
  CreateTrustedTokenIssuer: { verb: 'added a trusted token issuer to', severity: 'medium' },
  UpdateTrustedTokenIssuer: { verb: 'changed a trusted token issuer of', severity: 'medium' },
};

const NAMES = Object.keys(CHANGES);

/** Who may sign in to IAM Identity Center changed: its directory, its SAML IdP or a trusted token issuer. */
export const identityCenterIdentitySourceChanged: Detector = {
  id: 'identity-center-identity-source-changed',
  title: 'Identity Center identity source or external IdP changed',
  severity: 'high',
  description:
    'The identity source of IAM Identity Center changed: a directory was connected, ' +
    'disconnected or re-associated, or the external SAML identity provider was created, ' +
    'changed, enabled, disabled or deleted (high); or a trusted token issuer (an outside OIDC ' +
    'issuer whose tokens Identity Center accepts) was added or changed (medium). Whoever ' +
    'controls the identity source signs in as anyone it names, in every account assigned to ' +
    'them: swapping in an IdP of their own is the organisation-wide version of a forged SAML ' +
    'provider. These are console operations recorded under sso.amazonaws.com or ' +
    'sso-directory.amazonaws.com; every name is listened to under both. Refused attempts ' +
    'are reported too (one level lower). Benign causes: IdP migrations, SAML certificate ' +
    'rotation in Identity Center, setting up trusted identity propagation.',
  attack: ['T1484.002', 'T1556.007'],
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source-change.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/sso-info-in-cloudtrail.html',
    'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateTrustedTokenIssuer.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'sso.amazonaws.com', eventNames: NAMES },
    { eventSource: 'sso-directory.amazonaws.com', eventNames: NAMES },
  ],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const change = Object.hasOwn(CHANGES, event.eventName) ? CHANGES[event.eventName] : undefined;
    if (!change) return undefined;
    const subject =
      deepField(event.requestParameters, ['instanceArn', 'directoryId', 'identityStoreId'], 3) ??
      'IAM Identity Center';
    const issuer = deepField(event.requestParameters, ['issuerUrl', 'name'], 5);
    return {
      summary: `${principalOf(event)} ${change.verb} ${subject}${issuer ? ` (${issuer})` : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|identity-source`,
      resources: [subject],
      severity: change.severity,
    };
  },
};

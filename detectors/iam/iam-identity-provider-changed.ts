import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

const VERBS: ReadonlyMap<string, string> = new Map([
  ['CreateSAMLProvider', 'created SAML provider'],
  ['UpdateSAMLProvider', 'replaced the metadata of SAML provider'],
  ['DeleteSAMLProvider', 'deleted SAML provider'],
  ['CreateOpenIDConnectProvider', 'created OIDC provider'],
  ['UpdateOpenIDConnectProviderThumbprint', 'replaced the thumbprints of OIDC provider'],
  ['AddClientIDToOpenIDConnectProvider', 'added a client id to OIDC provider'],
]);

/** Where each call names its provider: request ARN, response ARN, or the name/URL it was created with. */
function providerOf(event: CloudTrailEvent): string | undefined {
  const candidates = [
    getPath(event.requestParameters, 'sAMLProviderArn'),
    getPath(event.requestParameters, 'openIDConnectProviderArn'),
    getPath(event.responseElements, 'sAMLProviderArn'),
    getPath(event.responseElements, 'openIDConnectProviderArn'),
    getPath(event.requestParameters, 'name'),
    getPath(event.requestParameters, 'url'),
  ];
  for (const candidate of candidates) {
    const value = asString(candidate)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** A SAML or OIDC identity provider was created, re-keyed or removed: who may federate in changed. */
export const iamIdentityProviderChanged: Detector = {
  id: 'iam-identity-provider-changed',
  title: 'IAM SAML or OIDC identity provider changed',
  severity: 'medium',
  description:
    'A SAML provider was created, updated or deleted, or an OpenID Connect provider was created, ' +
    'given new thumbprints or a new client id. Roles that trust a provider accept whatever it ' +
    'signs, so an attacker who registers their own IdP (then trusts it from a role) or swaps the ' +
    'signing metadata of an existing one can sign in as anyone. UpdateSAMLProvider is high: it ' +
    'replaces the certificate every trusting role relies on. Benign causes: IdP certificate ' +
    'rotation, onboarding a new SSO or CI provider (GitHub Actions OIDC).',
  attack: ['T1484.002', 'T1098'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateSAMLProvider.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: [...VERBS.keys()] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const verb = VERBS.get(event.eventName);
    if (!verb) return undefined;
    const provider = providerOf(event) ?? 'unknown provider';
    return {
      summary: `${principalOf(event)} ${verb} ${provider}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${provider}`,
      resources: [provider],
      severity: event.eventName === 'UpdateSAMLProvider' ? 'high' : 'medium',
    };
  },
};

import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

const VERBS: Readonly<Record<string, string>> = {
  CreateProvisioningTenant: 'turned on automatic (SCIM) provisioning for',
  CreateBearerToken: 'created a SCIM access token for',
};

/** A SCIM provisioning endpoint or access token created for the Identity Center directory. */
export const identityCenterProvisioningTokenCreated: Detector = {
  id: 'identity-center-provisioning-token-created',
  title: 'Identity Center SCIM provisioning token created',
  severity: 'medium',
  description:
    'CreateProvisioningTenant turned on automatic provisioning (SCIM) for the IAM Identity ' +
    'Center directory, or CreateBearerToken issued a new SCIM access token. The token lets ' +
    'whoever holds it create users, change their attributes and add them to groups, ' +
    'including groups that hold administrator permission sets, from outside AWS and for up to ' +
    'a year: a long-lived credential over who exists in the organisation. Refused attempts ' +
    'are reported too (one level lower). Benign causes: setting up or rotating the token of ' +
    'the external IdP (Okta, Entra ID) that provisions users.',
  attack: ['T1098.001', 'T1136.003'],
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/provision-automatically.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'sso-directory.amazonaws.com', eventNames: Object.keys(VERBS) }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const verb = Object.hasOwn(VERBS, event.eventName) ? VERBS[event.eventName] : undefined;
    if (!verb) return undefined;
    const subject =
      deepField(event.requestParameters, ['directoryId', 'identityStoreId', 'tenantId'], 3) ??
      'the Identity Center directory';
    return {
      summary: `${principalOf(event)} ${verb} ${subject}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|scim`,
      resources: [subject],
    };
  },
};

import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { grantsFullAdministration, readPolicy } from '../semantics/index.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The AWS managed AdministratorAccess policy in any partition. */
const ADMINISTRATOR_ACCESS = /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/AdministratorAccess$/i;

/** The session keeps the caller's full rights: a full-administration inline policy or AdministratorAccess by ARN. */
function asksForEverything(event: CloudTrailEvent): boolean {
  const inline = readPolicy(getPath(event.requestParameters, 'policy'));
  if (inline && grantsFullAdministration(inline, accountOf(event))) return true;
  return asArray(getPath(event.requestParameters, 'policyArns')).some((ref) => {
    const arn = asString(getPath(ref, 'arn')) ?? asString(ref);
    return arn !== undefined && ADMINISTRATOR_ACCESS.test(arn.trim());
  });
}

/** An IAM user minted federated-user credentials: a second identity that outlives key rotation. */
export const stsFederationTokenCreated: Detector = {
  id: 'sts-federation-token-created',
  title: 'Federation token issued to an IAM user',
  severity: 'medium',
  description:
    'GetFederationToken succeeded. It turns an IAM user key into credentials for a ' +
    'federated user with an arbitrary name, valid up to 36 hours and not revoked by ' +
    'deleting the key; attackers use it to persist and to reach the console ' +
    '(GetSigninToken). High when the session policy asks for everything (an inline policy ' +
    'granting full administration, however spelt, or AdministratorAccess). Benign causes: ' +
    'legacy identity brokers and proxies that still federate users this way.',
  attack: ['T1550.001', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sts.amazonaws.com', eventNames: ['GetFederationToken'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const name = asString(getPath(event.requestParameters, 'name'))?.trim() || 'unnamed';
    const everything = asksForEverything(event);
    const arn = asString(getPath(event.responseElements, 'federatedUser', 'arn'));
    return {
      summary: `${principalOf(event)} got a federation token for ${name}${everything ? ' with full permissions' : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|GetFederationToken`,
      resources: [arn ?? name],
      severity: everything ? 'high' : 'medium',
    };
  },
};

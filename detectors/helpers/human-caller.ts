import type { CloudTrailEvent } from '../types.js';
import { isSsoSession } from './actor.js';
import { getPath, isTrue } from './fields.js';

/**
 * True when a person, not a pipeline or a service, made the call: an IAM user,
 * the root user, a federated user (GetFederationToken), an IAM Identity Center
 * session, or any role session opened in the console (CloudTrail sets the
 * top-level `sessionCredentialFromConsole: "true"` for those). Calls a service
 * makes on the caller's behalf (`invokedBy`, e.g. CloudFormation) are not.
 * Roles assumed from the CLI with SAML or OIDC federation tools look like any
 * other role session and are not recognised as people.
 */
export function isHumanCaller(event: CloudTrailEvent): boolean {
  const id = event.userIdentity;
  if (!id) return false;
  // Older records mark console actions with invokedBy signin: still a person at the keyboard.
  if (id.invokedBy && id.invokedBy !== 'signin.amazonaws.com') return false;
  switch (id.type) {
    case 'IAMUser':
    case 'Root':
    case 'FederatedUser':
      return true;
    case 'AssumedRole':
      return isSsoSession(event) || isTrue(getPath(event, 'sessionCredentialFromConsole'));
    default:
      return false;
  }
}

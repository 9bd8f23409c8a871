import { asString, getPath } from '../helpers/fields.js';
import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, callerUserName, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

const VERBS: Readonly<Record<string, string>> = {
  CreateServiceSpecificCredential: 'created',
  ResetServiceSpecificCredential: 'reset the password of',
};

/** A long-lived service credential (CodeCommit, Keyspaces, Bedrock API key) issued for an IAM user. */
export const iamServiceSpecificCredentialCreated: Detector = {
  id: 'iam-service-specific-credential-created',
  title: 'Service-specific credential created for an IAM user',
  severity: 'medium',
  description:
    'CreateServiceSpecificCredential or ResetServiceSpecificCredential succeeded: a user name ' +
    'and password (or API key) for one service (CodeCommit Git over HTTPS, Amazon Keyspaces, ' +
    'Amazon Bedrock API keys) now exists for an IAM user, beside its access keys and outside ' +
    'most key inventories. Intruders mint them to keep access to a repository or to a model ' +
    'API after the keys they stole are rotated. High when made for another user (roles, SSO ' +
    'and root always act on someone else when they name a user). Refused attempts are ' +
    'reported too (one level lower). Benign causes: developers setting up Git credentials, ' +
    'teams issuing Bedrock API keys to applications.',
  attack: ['T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceSpecificCredential.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_ssh-keys.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: Object.keys(VERBS) }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const verb = VERBS[event.eventName];
    if (!verb) return undefined;
    const named = requestString(event, 'userName');
    const owner = named ?? callerUserName(event) ?? String(principalOf(event));
    const other = named !== undefined && isAnotherUser(event, named);
    const service =
      requestString(event, 'serviceName') ??
      asString(getPath(event.responseElements, 'serviceSpecificCredential', 'serviceName')) ??
      'a service';
    return {
      summary: `${principalOf(event)} ${verb} a ${service} credential for ${other ? `IAM user ${owner}` : 'its own user'}`,
      dedupKey: `${accountOf(event)}|service-credential|${owner.toLowerCase()}`,
      resources: [owner],
      severity: other ? 'high' : 'medium',
    };
  },
};

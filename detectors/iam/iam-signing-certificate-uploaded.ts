import { asString, getPath } from '../helpers/fields.js';
import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, callerUserName, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An X.509 signing certificate registered for an IAM user. */
export const iamSigningCertificateUploaded: Detector = {
  id: 'iam-signing-certificate-uploaded',
  title: 'X.509 signing certificate uploaded for an IAM user',
  severity: 'medium',
  description:
    'UploadSigningCertificate succeeded: an X.509 certificate now authenticates requests as ' +
    'that IAM user for the few services that still accept them (legacy SOAP-era EC2 and AMI ' +
    'tooling). Hardly anyone uses them any more, they sit outside access-key inventories and ' +
    'rotation, and that makes them a durable back door. High when uploaded for another user ' +
    '(roles, SSO and root always act on someone else when they name a user). Refused attempts ' +
    'are reported too (one level lower). Benign causes: legacy bundling tools (EC2 AMI tools) ' +
    'still in use.',
  attack: ['T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSigningCertificate.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['UploadSigningCertificate'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    // Without a userName, IAM registers the certificate for the caller itself.
    const named = requestString(event, 'userName');
    const owner = named ?? callerUserName(event) ?? String(principalOf(event));
    const other = named !== undefined && isAnotherUser(event, named);
    const certId = asString(getPath(event.responseElements, 'certificate', 'certificateId'));
    return {
      summary: `${principalOf(event)} uploaded a signing certificate${certId ? ` (${certId})` : ''} for ${other ? `IAM user ${owner}` : 'its own user'}`,
      dedupKey: `${accountOf(event)}|signing-cert|${owner.toLowerCase()}`,
      resources: certId ? [owner, certId] : [owner],
      severity: other ? 'high' : 'medium',
    };
  },
};

import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector } from '../types.js';

/** An email address or domain was submitted to SES for verification as a sender. */
export const sesIdentityVerified: Detector = {
  id: 'ses-identity-verified',
  title: 'SES sender identity verification started',
  severity: 'low',
  description:
    'VerifyEmailIdentity, VerifyEmailAddress, VerifyDomainIdentity, VerifyDomainDkim or ' +
    'CreateEmailIdentity (SES v2) submitted an address or domain to send mail from. An ' +
    'intruder abusing SES for phishing or spam first verifies an address they control; one ' +
    'that does not belong to the organisation is a strong sign. Calls through CloudFormation ' +
    'or another AWS service are ignored. Benign causes: a new application or team setting up ' +
    'outbound email.',
  attack: ['T1583', 'T1566'],
  references: [
    'https://docs.aws.amazon.com/ses/latest/APIReference/API_VerifyEmailIdentity.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_CreateEmailIdentity.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ses.amazonaws.com',
      eventNames: [
        'VerifyEmailIdentity',
        'VerifyEmailAddress',
        'VerifyDomainIdentity',
        'VerifyDomainDkim',
        'CreateEmailIdentity',
      ],
    },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const identity =
      requestField(event, 'emailAddress', 'emailIdentity', 'domain') ?? 'an unnamed identity';
    return {
      summary: `${principalOf(event)} asked SES to verify ${identity} as a sender`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: [identity],
    };
  },
};

import { actorOf } from '../helpers/actor.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** Session Manager documents that forward traffic beyond the instance, into the private network. */
const REMOTE_FORWARDING = /^AWS-StartPortForwardingSessionToRemoteHost/;

/** A principal opened a Session Manager session for the first time. */
export const ssmSessionFirstSeenPrincipal: Detector = {
  id: 'ssm-session-first-seen-principal',
  title: 'First Session Manager session by a principal',
  severity: 'low',
  description:
    'A principal started an SSM Session Manager session (StartSession) for the first time in ' +
    '90 days, after a 7-day learning period. Session Manager gives a shell, or a tunnel, on ' +
    'instances without SSH keys or open ports, so attackers with stolen credentials use it to ' +
    'reach workloads and instance-role credentials. Medium when the session forwards a port ' +
    'to another host through the instance (AWS-StartPortForwardingSessionToRemoteHost), which ' +
    'reaches databases and internal services. IAM Identity Center users are told apart by ' +
    'session name, other roles by role. Benign causes: a new engineer or a new automation ' +
    'starting to use Session Manager.',
  attack: ['T1651', 'T1021'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-sessions-start.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['StartSession'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.userIdentity?.type === 'AWSService') return undefined;
    const target = requestString(event, 'target') ?? 'an unnamed target';
    const document = requestString(event, 'documentName');
    const forwarding = document !== undefined && REMOTE_FORWARDING.test(document);
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} started its first Session Manager session, on ${target}${document ? ` (${document})` : ''}`,
      dedupKey: actor,
      resources: [target],
      firstSeenKey: `${actor}|StartSession`,
      severity: forwarding ? 'medium' : undefined,
    };
  },
};

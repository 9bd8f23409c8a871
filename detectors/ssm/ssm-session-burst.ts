import { actorOf } from '../helpers/actor.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** One principal opened Session Manager sessions on many instances within an hour. */
export const ssmSessionBurst: Detector = {
  id: 'ssm-session-burst',
  title: 'Session Manager sessions opened on many instances',
  severity: 'medium',
  description:
    'One principal started SSM Session Manager sessions (StartSession) on 5 or more distinct ' +
    'targets within an hour. A person troubleshooting opens a shell on one or two instances; ' +
    'sessions fanning out across the fleet look like an intruder hopping between instances to ' +
    'collect instance-role credentials and data, or a script driving interactive shells. IAM ' +
    'Identity Center users are told apart by session name, other roles by role. Calls made by ' +
    'AWS services are ignored. Benign causes: incident response or fleet-wide debugging by an ' +
    'operator, tools that open port-forwarding sessions to many hosts.',
  attack: ['T1651', 'T1021.007'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-auditing.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 5, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['StartSession'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const target = requestString(event, 'target');
    if (!target) return undefined;
    return {
      summary: `${principalOf(event)} started a Session Manager session on ${target}`,
      dedupKey: `${accountOf(event)}|${actorOf(event)}`,
      resources: [target],
      distinctValue: target,
    };
  },
};

import { actorOf } from '../helpers/actor.js';
import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { documentBaseName, isShellDocument } from '../helpers/ssm-documents.js';
import { commandTargets } from '../helpers/ssm-targets.js';
import type { Detector } from '../types.js';

/** How many targets a summary names before it stops listing. */
const LISTED = 3;

/** A principal sent a shell-running SSM document for the first time, even to one instance. */
export const ssmShellCommandFirstSeenPrincipal: Detector = {
  id: 'ssm-shell-command-first-seen-principal',
  title: 'First SSM shell command sent by a principal',
  severity: 'medium',
  description:
    'A principal used SSM SendCommand with a document that runs caller-supplied code ' +
    '(AWS-RunShellScript, AWS-RunPowerShellScript, AWS-RunRemoteScript, the Ansible, Salt and ' +
    'Docker documents) for the first time in 90 days, after a 7-day learning period; one ' +
    'instance is enough. Run Command executes as root or SYSTEM on the target and reaches its ' +
    'instance-role credentials, so attackers with SSM rights use it instead of SSH. The ' +
    'document may be named by ARN or with a version suffix. Calls made by AWS services ' +
    '(State Manager, maintenance windows through invokedBy) are ignored; IAM Identity Center ' +
    'users are told apart by session name, other roles by role. Benign causes: a new operator, ' +
    'a new automation or a one-off fix run through Run Command.',
  attack: ['T1651', 'T1059'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-command-ssm-plugin-reference.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['SendCommand'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const document = requestString(event, 'documentName');
    if (!document || !isShellDocument(document)) return undefined;
    const { instanceIds, selectors } = commandTargets(event.requestParameters);
    const targets = [...instanceIds, ...selectors];
    const listed = targets.length > 0 ? targets.slice(0, LISTED).join(', ') : 'unnamed targets';
    const more = targets.length > LISTED ? ` and ${targets.length - LISTED} more` : '';
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} ran ${documentBaseName(document)} through SSM for the first time, on ${listed}${more}`,
      dedupKey: actor,
      resources: instanceIds.slice(0, 20),
      firstSeenKey: `${actor}|ssm-shell`,
    };
  },
};

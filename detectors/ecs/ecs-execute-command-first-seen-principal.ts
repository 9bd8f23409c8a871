import { actorOf } from '../helpers/actor.js';
import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector } from '../types.js';

/** A principal opened an ECS Exec session into a running container for the first time. */
export const ecsExecuteCommandFirstSeenPrincipal: Detector = {
  id: 'ecs-execute-command-first-seen-principal',
  title: 'First ECS Exec into a container by a principal',
  severity: 'low',
  description:
    'A principal used ECS ExecuteCommand (ECS Exec, through Session Manager) for the first ' +
    'time in 90 days, after a 7-day learning period. It runs a command or opens a shell inside ' +
    "a running container, with the task role's credentials and network reach, and what is " +
    'typed there is not in CloudTrail. IAM Identity Center users are told apart by session ' +
    'name, other roles by role. Benign causes: a new engineer debugging a service, a new ' +
    'operational tool.',
  attack: ['T1609', 'T1651'],
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommand.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'ecs.amazonaws.com', eventNames: ['ExecuteCommand'] }],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const task = requestField(event, 'task') ?? 'an unnamed task';
    const container = requestField(event, 'container');
    const command = requestField(event, 'command');
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} ran ${command ? `"${command.slice(0, 100)}"` : 'a command'} in ${container ? `container ${container} of ` : ''}task ${task} with ECS Exec for the first time`,
      dedupKey: actor,
      resources: [task],
      firstSeenKey: `${actor}|ecs-exec`,
    };
  },
};

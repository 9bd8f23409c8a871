import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const TASK = `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/0123456789abcdef0123456789abcdef`;

/** ExecuteCommand as ECS logs it: the session in the response, its token hidden. */
const exec = cloudTrailEvent({
  eventSource: 'ecs.amazonaws.com',
  eventName: 'ExecuteCommand',
  userIdentity: identities.ssoUser('ana@example.com'),
  requestParameters: {
    cluster: 'prod',
    container: 'api',
    command: '/bin/sh',
    interactive: true,
    task: TASK,
  },
  responseElements: {
    clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`,
    containerName: 'api',
    interactive: true,
    session: {
      sessionId: 'ecs-execute-command-0a1b2c3d4e5f67890',
      streamUrl:
        'wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/ecs-execute-command-0a1b2c3d4e5f67890',
      tokenValue: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    },
    taskArn: TASK,
  },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'a shell opened in a container (first-seen state decides)', events: [exec] }],
  noFire: [
    { name: 'refused', events: [failed(exec, 'AccessDeniedException')] },
    {
      name: 'ECS Exec not enabled on the task',
      events: [
        failed(
          exec,
          'InvalidParameterException',
          'The execute command failed because execute command was not enabled when the task was run',
        ),
      ],
    },
  ],
};

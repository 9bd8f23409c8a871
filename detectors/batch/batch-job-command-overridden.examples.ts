import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** SubmitJob as Batch logs it. */
const submit = (extra: Record<string, unknown>, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'batch.amazonaws.com',
    eventName: 'SubmitJob',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      jobName: 'adhoc',
      jobQueue: 'default-queue',
      jobDefinition: 'etl-worker:7',
      ...extra,
    },
    responseElements: {
      jobArn: `arn:aws:batch:us-east-1:${ACCOUNT}:job/0a1b2c3d-4e5f-6789-abcd-ef0123456789`,
      jobName: 'adhoc',
      jobId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a miner run through a generic job (high)',
      events: [
        submit({
          containerOverrides: {
            command: ['sh', '-c', './xmrig -o stratum+tcp://pool.example.net:4444'],
          },
        }),
      ],
    },
    {
      name: 'a plain command override (medium)',
      events: [submit({ containerOverrides: { command: ['python', 'export.py', '--all'] } })],
    },
    {
      name: 'a multi-node job with a node override',
      events: [
        submit({
          nodeOverrides: {
            nodePropertyOverrides: [
              {
                targetNodes: '0:',
                containerOverrides: {
                  command: [
                    'bash',
                    '-c',
                    'curl http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
                  ],
                },
              },
            ],
          },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'no overrides', events: [submit({})] },
    {
      name: 'only resources overridden',
      events: [
        submit({ containerOverrides: { resourceRequirements: [{ type: 'VCPU', value: '4' }] } }),
      ],
    },
    {
      name: 'submitted by an EventBridge rule',
      events: [
        submit(
          { containerOverrides: { command: ['python', 'nightly.py'] } },
          {
            userIdentity: {
              ...identities.assumedRole('EventsInvokeBatch', 'events'),
              invokedBy: 'events.amazonaws.com',
            },
          },
        ),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(submit({ containerOverrides: { command: ['sh'] } }), 'AccessDeniedException'),
      ],
    },
  ],
};

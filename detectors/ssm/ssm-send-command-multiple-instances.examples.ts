import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** SendCommand as SSM logs it: parameters hidden, the targets and document in the clear. */
const sendCommand = (
  targets: Record<string, unknown>,
  documentName = 'AWS-RunShellScript',
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: {
      ...targets,
      documentName,
      parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      interactive: false,
    },
    responseElements: {
      command: {
        commandId: 'c0ffee00-1111-2222-3333-444455556666',
        documentName,
        status: 'Pending',
      },
    },
    ...overrides,
  });

const onInstance = (id: string, documentName?: string) =>
  sendCommand({ instanceIds: [id] }, documentName);

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'shell script sent to three instances one by one',
      events: [
        onInstance('i-0aaa1111bbbb22220'),
        onInstance('i-0aaa1111bbbb22221'),
        onInstance('i-0aaa1111bbbb22222'),
      ],
    },
    {
      name: 'tag-targeted and id-targeted calls add up',
      events: [
        sendCommand({ targets: [{ key: 'tag:Env', values: ['prod'] }] }, 'AWS-RunPowerShellScript'),
        onInstance('i-0aaa1111bbbb22221', 'AWS-RunPowerShellScript'),
        sendCommand({ instanceIds: ['i-0aaa1111bbbb22222', 'i-0aaa1111bbbb22223'] }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the same instance three times',
      events: [
        onInstance('i-0aaa1111bbbb22220'),
        onInstance('i-0aaa1111bbbb22220'),
        onInstance('i-0aaa1111bbbb22220'),
      ],
    },
    {
      name: 'failed calls',
      events: [
        failed(onInstance('i-0aaa1111bbbb22220')),
        failed(onInstance('i-0aaa1111bbbb22221')),
        failed(onInstance('i-0aaa1111bbbb22222')),
      ],
    },
    {
      name: 'maintenance window acting through SSM',
      events: ['0', '1', '2'].map((n) =>
        sendCommand({ instanceIds: [`i-0aaa1111bbbb2222${n}`] }, 'AWS-RunPatchBaseline', {
          userIdentity: {
            ...identities.assumedRole('MaintenanceWindowRole', 'mw'),
            invokedBy: 'ssm.amazonaws.com',
          },
        }),
      ),
    },
    {
      name: 'no targets to read',
      events: [sendCommand({}), sendCommand({}), { ...sendCommand({}), requestParameters: null }],
    },
  ],
};

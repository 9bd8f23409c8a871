import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** SendCommand as SSM logs it: parameters hidden, targets and document in the clear. */
const sendCommand = (
  documentName: string,
  targets: Record<string, unknown> = { instanceIds: ['i-0aaa1111bbbb22220'] },
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    userIdentity: identities.assumedRole('WebAppRole', 'i-0ccc3333dddd44440'),
    requestParameters: {
      ...targets,
      documentName,
      parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      interactive: false,
    },
    responseElements: {
      command: {
        commandId: '3f1e8c9a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
        documentName,
        status: 'Pending',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an application role runs a shell script on one instance',
      events: [sendCommand('AWS-RunShellScript')],
    },
    {
      name: 'the document named by ARN with a version suffix',
      events: [
        sendCommand('arn:aws:ssm:us-east-1::document/AWS-RunPowerShellScript:1', {
          targets: [{ key: 'tag:Role', values: ['domain-controller'] }],
        }),
      ],
    },
    {
      name: 'a script fetched from S3 and run',
      events: [sendCommand('AWS-RunRemoteScript')],
    },
  ],
  noFire: [
    { name: 'a patching document', events: [sendCommand('AWS-RunPatchBaseline')] },
    { name: 'refused call', events: [failed(sendCommand('AWS-RunShellScript'))] },
    {
      name: 'a maintenance window acting through SSM',
      events: [
        sendCommand('AWS-RunShellScript', undefined, {
          userIdentity: {
            ...identities.assumedRole('MaintenanceWindowRole', 'mw'),
            invokedBy: 'ssm.amazonaws.com',
          },
        }),
      ],
    },
  ],
};

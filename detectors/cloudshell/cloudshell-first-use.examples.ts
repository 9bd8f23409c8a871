import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ENVIRONMENT = '0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/** CloudShell calls as CloudTrail logs them: made from the console, in the console's region. */
const cloudshell = (eventName: string, requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'cloudshell.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    requestParameters,
    responseElements: null,
    sessionCredentialFromConsole: 'true',
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an environment created (first-seen state decides)',
      events: [cloudshell('CreateEnvironment', null)],
    },
    {
      name: 'a session opened and credentials passed in',
      events: [
        cloudshell('CreateSession', { EnvironmentId: ENVIRONMENT }),
        cloudshell('PutCredentials', { EnvironmentId: ENVIRONMENT }),
      ],
    },
    {
      name: 'a file downloaded out of CloudShell (medium)',
      events: [
        cloudshell('GetFileDownloadUrls', {
          EnvironmentId: ENVIRONMENT,
          FileDownloadPath: '/home/cloudshell-user/dump.tar.gz',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'environment status polled',
      events: [cloudshell('GetEnvironmentStatus', { EnvironmentId: ENVIRONMENT })],
    },
    {
      name: 'refused',
      events: [failed(cloudshell('CreateEnvironment', null), 'AccessDeniedException')],
    },
  ],
};

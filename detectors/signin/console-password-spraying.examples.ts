import { ACCOUNT, cloudTrailEvent } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A failed IAM user sign-in: no ARN, `errorMessage` and `ConsoleLogin: "Failure"`, no errorCode. */
const failedLogin = (userName: string, sourceIPAddress = '198.51.100.7'): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDACKCEVSQ6C2EXAMPLE',
      accountId: ACCOUNT,
      accessKeyId: '',
      userName,
    },
    sourceIPAddress,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0',
    errorMessage: 'Failed authentication',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
  });

const users = ['ana', 'ben', 'chen', 'dev', 'emma', 'femi', 'gus', 'hana', 'ivan', 'jo'];

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'ten users fail from one address within the hour',
      events: users.map((u) => failedLogin(u)),
    },
  ],
  noFire: [
    {
      name: 'one user failing ten times (console-login-failures reports that)',
      events: users.map(() => failedLogin('ana')),
    },
    {
      name: 'ten unknown user names count as one name',
      events: users.map(() => failedLogin('HIDDEN_DUE_TO_SECURITY_REASONS')),
    },
    {
      name: 'nine real users and unknown names: still under ten',
      events: [
        ...users.slice(0, 8).map((u) => failedLogin(u)),
        failedLogin('HIDDEN_DUE_TO_SECURITY_REASONS'),
        failedLogin('HIDDEN_DUE_TO_SECURITY_REASONS'),
      ],
    },
    {
      name: 'ten users signing in successfully',
      events: users.map((u) => ({
        ...failedLogin(u),
        errorMessage: undefined,
        responseElements: { ConsoleLogin: 'Success' },
      })),
    },
  ],
};

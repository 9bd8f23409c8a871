import { actorOf } from '../helpers/actor.js';
import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector } from '../types.js';

/** Calls that open or feed a CloudShell session, and the one that takes files out of it. */
const SESSION_CALLS = new Set(['CreateEnvironment', 'CreateSession', 'PutCredentials']);
const DOWNLOAD = 'GetFileDownloadUrls';

/** A principal used CloudShell, or downloaded a file from it, for the first time. */
export const cloudshellFirstUse: Detector = {
  id: 'cloudshell-first-use',
  title: 'First CloudShell use or download by a principal',
  severity: 'low',
  description:
    'A principal created or opened an AWS CloudShell environment (CreateEnvironment, ' +
    'CreateSession, PutCredentials) for the first time in 90 days, after a 7-day learning ' +
    'period; medium when it is the first time the principal downloads a file from CloudShell ' +
    "(GetFileDownloadUrls). CloudShell is a shell in the browser with the console session's " +
    'credentials and the CLI preinstalled: an intruder holding a console session gets a full ' +
    'command line without any access key, and what runs in it is not in CloudTrail beyond the ' +
    'API calls it makes. IAM Identity Center users are told apart by session name, other roles ' +
    'by role. Benign causes: engineers starting to use CloudShell, downloading their own ' +
    'scripts and outputs.',
  attack: ['T1059.009', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/cloudshell/latest/userguide/logging-and-monitoring.html',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudshell.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [
    { eventSource: 'cloudshell.amazonaws.com', eventNames: [...SESSION_CALLS, DOWNLOAD] },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService' || isVpceEvent(event))
      return undefined;
    const api = baseEventName(event.eventName);
    const download = api === DOWNLOAD;
    if (!download && !SESSION_CALLS.has(api)) return undefined;
    const environment = requestField(event, 'EnvironmentId', 'environmentId');
    const path = download ? requestField(event, 'FileDownloadPath', 'fileDownloadPath') : undefined;
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    const what = download
      ? `downloaded ${path ?? 'a file'} from CloudShell`
      : `used CloudShell (${api})`;
    return {
      summary: `${principalOf(event)} ${what} for the first time${environment ? `, environment ${environment}` : ''}`,
      severity: download ? 'medium' : undefined,
      dedupKey: `${actor}|${download ? 'download' : 'session'}`,
      resources: environment ? [environment] : [],
      firstSeenKey: `${actor}|cloudshell-${download ? 'download' : 'session'}`,
    };
  },
};
